package io.tonewatch.app.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaSettingsTest {

  static String rejection(int port, int controllerPort, int partitions, long startMillis) {
    return assertThrows(
            IllegalArgumentException.class,
            () ->
                new EmbeddedKafkaSettings(
                    port, controllerPort, null, true, partitions, startMillis, 7_200_000))
        .getMessage();
  }

  @Test
  void defaultsToFreePortsAndATemporaryDirectoryDeletedOnClose() {
    EmbeddedKafkaSettings settings = EmbeddedKafkaSettings.defaults();
    assertEquals(0, settings.port());
    assertNull(settings.dataDir());
    assertTrue(settings.deleteOnClose());
    assertEquals(6, settings.partitions());
    assertEquals(7_200_000, settings.audioRetentionMillis(), "two hours of audio");
  }

  @Test
  void readsTheBrokersKeysFromTheSettingsAndNamesABadOne() {
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaKey.load(
            null,
            Map.of("TONEWATCH_KAFKA_EMBEDDED_PARTITIONS", "3"),
            Map.of("kafka.embedded.audio-retention-ms", "3600000"));
    assertEquals(3, settings.partitions());
    assertEquals(3_600_000, settings.audioRetentionMillis());
    assertEquals(
        "kafka.embedded.audio-retention-ms=60000 must be at least 600000 (the audio of every open"
            + " call must stay for replay)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    EmbeddedKafkaKey.load(
                        null, Map.of(), Map.of("kafka.embedded.audio-retention-ms", "60000")))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> EmbeddedKafkaKey.load(null, Map.of(), Map.of("kafka.embedded.retention", "1")));
  }

  @Test
  void aTemporaryDirectoryIsAlwaysDeletedButAConfiguredOneMayBeKept() {
    assertTrue(new EmbeddedKafkaSettings(0, 0, null, false, 1, 60_000, 7_200_000).deleteOnClose());
    Path dir = Path.of("data");
    assertEquals(false, EmbeddedKafkaSettings.defaults().withDataDir(dir, false).deleteOnClose());
  }

  @Test
  void namesTheKeyAndValueOfABadSetting() {
    assertEquals(
        "kafka.embedded.port=70000 is not a port (0 to 65535)", rejection(70_000, 0, 6, 60_000));
    assertEquals(
        "kafka.embedded.controller-port=9092 is also kafka.embedded.port",
        rejection(9092, 9092, 6, 60_000));
    assertEquals(
        "kafka.embedded.partitions=0 must be between 1 and 1000", rejection(0, 0, 0, 60_000));
    assertEquals(
        "kafka.embedded.start-timeout-ms=10 must be at least 1000", rejection(0, 0, 6, 10));
  }
}
