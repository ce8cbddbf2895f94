package io.tonewatch.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulateChecksTest {

  @Test
  void theDefaultsPass() {
    assertDoesNotThrow(() -> new SimulateChecks(new SimulateOptions(), name -> false).check());
  }

  @Test
  void anOptionOfAnotherModeIsNamedOnlyWhenTheUserTypedIt() {
    SimulateOptions options = new SimulateOptions();
    options.mode = SimulationMode.AUDIOSOCKET;

    assertDoesNotThrow(() -> new SimulateChecks(options, name -> false).check());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SimulateChecks(options, Set.of("--jitter-ms")::contains).check());
    assertEquals("--jitter-ms applies to --mode rtp only", e.getMessage());
  }

  @Test
  void aCallIdPrefixThatMakesTooLongCallIdsIsRefused() {
    SimulateOptions options = new SimulateOptions();
    options.callIdPrefix = "x".repeat(255);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SimulateChecks(options, name -> false).check());
    assertTrue(e.getMessage().startsWith("invalid --call-id-prefix 'xxx"), e.getMessage());
    assertTrue(e.getMessage().contains("at most 255 bytes"), e.getMessage());
  }
}
