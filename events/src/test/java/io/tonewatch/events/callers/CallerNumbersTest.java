package io.tonewatch.events.callers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerNumbersTest {
  private final CallerNumbers keyed = CallerNumbers.withSecret("deployment-secret");

  @Test
  void spellingsOfOneNumberHashAlikeAndOtherNumbersOrKeysDiffer() {
    String a = keyed.hash("+49 30 1234-5678").orElseThrow();
    assertEquals(a, keyed.hash("+4930 12345678").orElseThrow());
    assertEquals(64, a.length());
    assertNotEquals(a, keyed.hash("+49 30 1234-5679").orElseThrow());
    assertNotEquals(a, CallerNumbers.withSecret("other").hash("+4930 12345678").orElseThrow());
    assertFalse(a.contains("12345678"));
  }

  @Test
  void theMaskShowsTheLastFourDigitsOnly() {
    assertEquals("******5678", CallerNumbers.mask("+49 30 1234-5678"));
    assertEquals("******", CallerNumbers.mask("123"));
  }

  @Test
  void protectReplacesTheNumberAndDropsItWithoutASecret() {
    Map<String, String> safe =
        keyed.protect(Map.of("caller", "+4930 12345678", "queue", "billing"));
    assertEquals(keyed.hash("+493012345678"), Optional.of(safe.get("callerHash")));
    assertEquals("******5678", safe.get("callerMasked"));
    assertEquals("billing", safe.get("queue"));
    assertFalse(safe.containsKey("caller"));

    Map<String, String> unkeyed =
        CallerNumbers.withSecret("").protect(Map.of("caller", "+4930 12345678"));
    assertEquals(Map.of("callerMasked", "******5678"), unkeyed);
  }

  @Test
  void aHashSuppliedByTheCallerIsNotTrusted() {
    Map<String, String> safe = keyed.protect(Map.of("callerHash", "forged"));
    assertTrue(safe.isEmpty());
  }
}
