package io.tonewatch.app.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.Topics;
import io.tonewatch.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The all-in-one broker: starts, serves a producer and a consumer, and cleans up after itself. */
class EmbeddedKafkaIT {

  @TempDir Path dir;

  @Test
  void startsWithTheTonewatchTopicsServesARecordAndDeletesItsDataOnClose() throws Exception {
    long startNanos = System.nanoTime();
    Path dataDir;
    try (EmbeddedKafka kafka =
        EmbeddedKafka.start(EmbeddedKafkaSettings.defaults().withPartitions(4))) {
      dataDir = kafka.dataDir();
      assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"), kafka.bootstrapServers());
      RecordMetadata acked = produce(kafka.bootstrapServers(), "call-1", "hello");
      long firstAckMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      System.err.println(
          "embedded Kafka: start to first acknowledged produce " + firstAckMillis + " ms");
      assertEquals(Topics.AUDIO, acked.topic());

      Map<String, TopicDescription> topics = describe(kafka.bootstrapServers());
      for (String topic : List.of(Topics.AUDIO, Topics.ALERTS, Topics.FEATURES)) {
        assertEquals(4, topics.get(topic).partitions().size(), topic);
      }
      List<ConsumerRecord<String, String>> records =
          consume(kafka.bootstrapServers(), new TopicPartition(Topics.AUDIO, acked.partition()));
      assertEquals(1, records.size());
      assertEquals("call-1", records.get(0).key());
      assertEquals("hello", records.get(0).value());
      assertTrue(Files.isDirectory(dataDir));
    }
    assertFalse(Files.exists(dataDir), "the temporary data directory is deleted on close");
  }

  @Test
  void createsTheAudioTopicWithTheConfiguredRetention() throws Exception {
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaKey.load(
            null, Map.of(), Map.of("kafka.embedded.audio-retention-ms", "5400000"));
    try (EmbeddedKafka kafka = EmbeddedKafka.start(settings);
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      ConfigResource audio = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AUDIO);
      ConfigResource alerts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ALERTS);
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(List.of(audio, alerts)).all().get(30, TimeUnit.SECONDS);
      ConfigEntry retention = configs.get(audio).get(TopicConfig.RETENTION_MS_CONFIG);
      assertEquals("5400000", retention.value());
      assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, retention.source());
      assertNotEquals(
          ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG,
          configs.get(alerts).get(TopicConfig.RETENTION_MS_CONFIG).source(),
          "only the audio topic has its own retention");
    }
  }

  @Test
  void keepsAConfiguredDataDirectoryAndItsRecordsAcrossARestart() throws Exception {
    Path data = dir.resolve("kafka-data");
    EmbeddedKafkaSettings settings = EmbeddedKafkaSettings.defaults().withDataDir(data, false);
    RecordMetadata acked;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(settings)) {
      acked = produce(kafka.bootstrapServers(), "call-2", "kept");
    }
    assertTrue(Files.isDirectory(data));
    try (EmbeddedKafka kafka = EmbeddedKafka.start(settings)) {
      List<ConsumerRecord<String, String>> records =
          consume(kafka.bootstrapServers(), new TopicPartition(Topics.AUDIO, acked.partition()));
      assertEquals("kept", records.get(0).value());
    }
  }

  static RecordMetadata produce(String bootstrap, String key, String value) throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
      return producer
          .send(new ProducerRecord<>(Topics.AUDIO, key, value))
          .get(30, TimeUnit.SECONDS);
    }
  }

  static Map<String, TopicDescription> describe(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return admin
          .describeTopics(List.of(Topics.AUDIO, Topics.ALERTS, Topics.FEATURES))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS);
    }
  }

  static List<ConsumerRecord<String, String>> consume(String bootstrap, TopicPartition partition) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      Await.until(
          "a record on " + partition,
          () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return !records.isEmpty();
          });
    }
    return records;
  }
}
