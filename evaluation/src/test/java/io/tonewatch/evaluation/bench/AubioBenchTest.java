package io.tonewatch.evaluation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AubioBenchTest {

  @Test
  void addsUserAndSystemSecondsFromBashsTimeLine() throws IOException {
    assertEquals(3.75, AubioBench.parseTime("some aubio warning\n3.61+0.14\n"), 1e-9);
  }

  @Test
  void failsWhenTheTimeLineIsMissing() {
    assertThrows(IOException.class, () -> AubioBench.parseTime("aubiopitch: not found\n"));
  }
}
