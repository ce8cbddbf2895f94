package io.tonewatch.processor.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessConfigLoaderTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ProcessConfig config = ProcessConfig.defaults();
    assertEquals("tonewatch-process", config.groupId());
    assertEquals(2, config.workers());
    assertEquals("tonewatch.audio", config.audioTopic());
    assertEquals("earliest", config.autoOffsetReset());
  }

  @Test
  void fileThenEnvironmentThenOverridesEachWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tonewatch.properties");
    Files.writeString(
        file,
        "process.workers=3\nprocess.max-calls=10\nprocess.media-timeout-seconds=7\n"
            + "ingest.http-port=1\n");
    ProcessConfig config =
        ProcessConfigLoader.load(
            file,
            Map.of("TONEWATCH_PROCESS_MAX_CALLS", "20", "TONEWATCH_PROCESS_WORKERS", "4"),
            Map.of("process.max-calls", "30"));
    assertEquals(4, config.workers());
    assertEquals(30, config.maxCalls());
    assertEquals(7, config.mediaTimeoutSeconds());
  }

  @Test
  void anUnknownProcessKeyIsRefusedByName() {
    ProcessConfigException e =
        assertThrows(
            ProcessConfigException.class,
            () -> ProcessConfigLoader.fromMap(Map.of("process.worker", "3")));
    assertTrue(e.getMessage().contains("process.worker "), e.getMessage());
  }

  @Test
  void aBadValueIsRefusedNamingKeyAndValue() {
    assertMessage("process.workers=zero is not a whole number", "process.workers", "zero");
    assertMessage("process.workers=0 is not a thread count", "process.workers", "0");
    assertMessage("process.summaries=maybe is not true or false", "process.summaries", "maybe");
    assertMessage(
        "process.auto-offset-reset=none is not earliest or latest",
        "process.auto-offset-reset",
        "none");
    assertMessage(
        "process.topic.alerts=bad topic! is not a valid Kafka topic name",
        "process.topic.alerts",
        "bad topic!");
    assertMessage("process.session-timeout-ms=1000 is not", "process.session-timeout-ms", "1000");
  }

  @Test
  void theAudioTopicMustNotBeAnOutput() {
    assertMessage(
        "process.topic.audio=tonewatch.alerts is also an output topic",
        "process.topic.audio",
        "tonewatch.alerts");
  }

  @Test
  void everyKeyHasAnEnvironmentNameAndARowInTheTable() {
    String table = ProcessConfigLoader.table();
    for (ProcessKey key : ProcessKey.values()) {
      assertTrue(table.contains(key.key()), key.key());
      assertTrue(key.envName().matches("TONEWATCH_PROCESS_[A-Z_]+"), key.envName());
    }
    assertEquals("TONEWATCH_PROCESS_TOPIC_AUDIO", ProcessKey.AUDIO_TOPIC.envName());
  }

  private static void assertMessage(String expected, String key, String value) {
    ProcessConfigException e =
        assertThrows(
            ProcessConfigException.class, () -> ProcessConfigLoader.fromMap(Map.of(key, value)));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }
}
