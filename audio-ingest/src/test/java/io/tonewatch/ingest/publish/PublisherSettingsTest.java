package io.tonewatch.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewatch.events.Topics;
import io.tonewatch.settings.SettingsException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PublisherSettingsTest {

  static String rejection(Map<String, String> values) {
    return assertThrows(SettingsException.class, () -> PublisherSettings.fromMap(values))
        .getMessage();
  }

  @Test
  void defaultsToTheAudioTopicAndALowLatencyNoLossProducer() {
    PublisherSettings settings = PublisherSettings.fromMap(Map.of());
    assertEquals("127.0.0.1:9092", settings.bootstrapServers());
    assertEquals(Topics.AUDIO, settings.topic());
    assertEquals(PublisherSettings.DEFAULT_QUEUE_FRAMES, settings.queueFrames());
    Properties producer = settings.producerProperties();
    assertEquals("true", producer.get("enable.idempotence"));
    assertEquals("all", producer.get("acks"));
    assertEquals("5", producer.get("linger.ms"));
    assertEquals("lz4", producer.get("compression.type"));
    assertEquals(Integer.toString(Integer.MAX_VALUE), producer.get("retries"));
    assertEquals("600000", producer.get("delivery.timeout.ms"));
    assertEquals(Long.toString(32L << 20), producer.get("buffer.memory"));
    assertEquals("1000", producer.get("max.block.ms"));
  }

  @Test
  void readsEveryKeyFromTheMap() {
    PublisherSettings settings =
        PublisherSettings.fromMap(
            Map.of(
                "ingest.publish.bootstrap-servers", "kafka-1:9092,kafka-2:9092",
                "ingest.publish.queue-frames", "1000",
                "ingest.publish.compression", "NONE",
                "ingest.publish.linger-ms", "0",
                "ingest.publish.buffer-memory-bytes", "8589934592",
                "ingest.publish.close-timeout-ms", "0"));
    assertEquals("kafka-1:9092,kafka-2:9092", settings.bootstrapServers());
    assertEquals(1000, settings.queueFrames());
    assertEquals("none", settings.compression());
    assertEquals(0, settings.lingerMillis());
    assertEquals(8L << 30, settings.bufferMemoryBytes());
    assertEquals(0, settings.closeTimeoutMillis());
  }

  @Test
  void namesTheKeyAndValueOfABadSetting() {
    assertEquals(
        "ingest.publish.bootstrap-servers=kafka is not host:port[,host:port...]",
        rejection(Map.of("ingest.publish.bootstrap-servers", "kafka")));
    assertEquals(
        "ingest.publish.queue-frames=0 must be at least 1",
        rejection(Map.of("ingest.publish.queue-frames", "0")));
    assertEquals(
        "ingest.publish.queue-frames=lots is not a whole number",
        rejection(Map.of("ingest.publish.queue-frames", "lots")));
    assertEquals(
        "ingest.publish.compression=brotli is not one of ",
        rejection(Map.of("ingest.publish.compression", "brotli")).replaceAll("\\[.*]", ""));
    assertEquals(
        "ingest.publish.delivery-timeout-ms=5000 must be at least linger-ms + 10000 (the request"
            + " timeout)",
        rejection(Map.of("ingest.publish.delivery-timeout-ms", "5000")));
    assertEquals(
        "ingest.publish.topic=bad topic is not a valid Kafka topic name",
        rejection(Map.of("ingest.publish.topic", "bad topic")));
    assertEquals(
        "ingest.publish.max-block-ms=99999999999 is too large",
        rejection(Map.of("ingest.publish.max-block-ms", "99999999999")));
  }

  @Test
  void passThroughPropertiesReachTheProducerAndItsOwnKeysWin() {
    Properties p =
        PublisherSettings.defaults("k1:9092")
            .producerProperties(
                Map.of(
                    "security.protocol", "SASL_SSL",
                    "sasl.jaas.config", "secret",
                    "enable.idempotence", "false"));
    assertEquals("SASL_SSL", p.get("security.protocol"));
    assertEquals("secret", p.get("sasl.jaas.config"));
    assertEquals("true", p.get("enable.idempotence"), "no loss and no duplicates stays");
  }
}
