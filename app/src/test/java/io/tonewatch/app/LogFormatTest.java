package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {
  @Test
  void textAndJsonAndNothingAreAccepted() {
    assertTrue(LogFormat.problem(Map.of()).isEmpty());
    assertTrue(LogFormat.problem(Map.of("TONEWATCH_LOG_FORMAT", "text")).isEmpty());
    assertTrue(LogFormat.problem(Map.of("TONEWATCH_LOG_FORMAT", "json")).isEmpty());
  }

  @Test
  void anyOtherValueIsRefusedNamingKeyAndValue() {
    assertEquals(
        "TONEWATCH_LOG_FORMAT=JSON is not a log format (text or json)",
        LogFormat.problem(Map.of("TONEWATCH_LOG_FORMAT", "JSON")).orElseThrow());
  }
}
