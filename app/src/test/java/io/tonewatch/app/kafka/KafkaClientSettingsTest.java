package io.tonewatch.app.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {
  @TempDir Path dir;

  @Test
  void fileThenEnvironmentThenSetEachMapToClientProperties() throws Exception {
    Path file = dir.resolve("tonewatch.properties");
    Files.writeString(
        file,
        "kafka.security.protocol=SSL\nkafka.sasl.mechanism=PLAIN\n"
            + "kafka.embedded.partitions=3\ningest.max-legs=10\n");
    KafkaClientSettings settings =
        KafkaClientSettings.load(
            file,
            Map.of(
                "TONEWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "TONEWATCH_KAFKA_SASL_JAAS_CONFIG", "from-env",
                "TONEWATCH_KAFKA", "k1:9092",
                "TONEWATCH_KAFKA_EMBEDDED_PARTITIONS", "3",
                "TONEWATCH_KAFKA_LOG_LEVEL", "INFO"),
            Map.of("kafka.sasl.jaas.config", "from-set"));
    assertEquals(
        Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config", "from-set"),
        settings.properties());
  }

  @Test
  void anUnknownPropertyStopsStartUpNamingItsKeyButNotItsValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KafkaClientSettings.load(
                    null, Map.of(), Map.of("kafka.sasl.jaas.confg", "password=hunter2")));
    assertEquals(
        "kafka.sasl.jaas.confg is not a Kafka client property (producer, consumer or admin)",
        e.getMessage());
  }

  @Test
  void theClusterIsNotAPassThroughSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KafkaClientSettings.load(
                    null, Map.of("TONEWATCH_KAFKA_BOOTSTRAP_SERVERS", "k1:9092"), Map.of()));
    assertEquals(
        "kafka.bootstrap.servers is not a client setting here: give the cluster with --kafka or"
            + " TONEWATCH_KAFKA",
        e.getMessage());
  }

  @Test
  void itsTextShowsKeysOnly() {
    KafkaClientSettings settings =
        new KafkaClientSettings(Map.of("sasl.jaas.config", "password=\"hunter2\";"));
    assertFalse(settings.toString().contains("hunter2"), settings.toString());
  }
}
