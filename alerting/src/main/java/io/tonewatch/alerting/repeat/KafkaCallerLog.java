package io.tonewatch.alerting.repeat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link RepeatCallers} on a topic keyed by caller hash ({@code
 * cleanup.policy=compact,delete} with {@code retention.ms} the retention, so Kafka keeps one
 * escalation per caller and drops the old ones too): {@link #record} writes and indexes, {@link
 * #rebuild} reads the topic from the start at start-up. Records are JSON {@link Escalation}s; one
 * that does not decode is counted and skipped. Thread-safe (the producer is).
 */
public final class KafkaCallerLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaCallerLog.class);
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final String bootstrapServers;
  private final String topic;
  private final RepeatCallers index;
  private final KafkaProducer<byte[], byte[]> producer;

  private KafkaCallerLog(String bootstrapServers, String topic, RepeatCallers index) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.index = index;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(p);
  }

  /** Creates the topic if missing, reads it into {@code index} and returns the log. */
  public static KafkaCallerLog open(
      String bootstrapServers, String topic, RepeatCallers index, Duration retention)
      throws InterruptedException, ExecutionException, TimeoutException {
    ensureTopic(bootstrapServers, topic, retention);
    KafkaCallerLog log = new KafkaCallerLog(bootstrapServers, topic, index);
    log.rebuild();
    return log;
  }

  /** Indexes {@code e} and writes it to the topic, keyed by the caller hash. */
  public void record(Escalation e) {
    index.record(e);
    try {
      producer.send(
          new ProducerRecord<>(
              topic, e.callerHash().getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(e)),
          (metadata, failure) -> {
            // The index has it; only a restart before the broker takes it would forget the caller.
            if (failure != null) {
              LOG.warn(
                  "{}: escalation of call {} not written: {}",
                  topic,
                  e.callId(),
                  failure.toString());
            }
          });
    } catch (java.io.IOException ex) {
      LOG.warn("{}: escalation of call {} not written", topic, e.callId(), ex);
    }
  }

  private void rebuild() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    int read = 0;
    int skipped = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          try {
            if (record.value() != null) {
              index.record(JSON.readValue(record.value(), Escalation.class));
              read++;
            }
          } catch (java.io.IOException | IllegalArgumentException e) {
            skipped++;
          }
        }
      }
    }
    index.purge();
    LOG.info(
        "{}: {} escalations read, {} skipped, {} callers kept", topic, read, skipped, index.size());
  }

  private static void ensureTopic(String bootstrapServers, String topic, Duration retention)
      throws InterruptedException, ExecutionException, TimeoutException {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    try (Admin admin = Admin.create(p)) {
      NewTopic wanted =
          new NewTopic(topic, java.util.Optional.empty(), java.util.Optional.empty())
              .configs(
                  Map.of(
                      "cleanup.policy",
                      "compact,delete",
                      "retention.ms",
                      Long.toString(retention.toMillis())));
      try {
        admin.createTopics(List.of(wanted)).all().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
