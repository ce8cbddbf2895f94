package io.tonewatch.processor.service;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.AlertState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its start, as a downstream consumer would, keeping what arrived. Owned by the
 * test thread.
 */
final class AlertTap implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

  AlertTap(String bootstrapServers, String topic, int partitions) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer = new KafkaConsumer<>(p);
    List<TopicPartition> all = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      all.add(new TopicPartition(topic, i));
    }
    consumer.assign(all);
    consumer.seekToBeginning(all);
  }

  /** Everything that arrived so far. */
  List<ConsumerRecord<byte[], byte[]>> records() {
    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    return records;
  }

  List<AlertEvent> events() {
    return records().stream()
        .map(r -> AlertEventJson.fromJson(new String(r.value(), StandardCharsets.UTF_8)))
        .collect(Collectors.toList());
  }

  List<AlertEvent> events(String callId) {
    return events().stream().filter(e -> e.callId().equals(callId)).collect(Collectors.toList());
  }

  /** True once the last event the engine gives for {@code expected} arrived. */
  boolean sawLast(List<AlertEvent> expected) {
    AlertEvent last = expected.get(expected.size() - 1);
    return events(last.callId()).stream().anyMatch(e -> sameStep(e, last));
  }

  /**
   * What a consumer that de-duplicates by alert id and state keeps, in first-arrival order; a
   * repeated pair must be the same step (kind, leg, severity, media time, wall-clock time).
   */
  static List<AlertEvent> deduplicated(List<AlertEvent> events) {
    Map<String, AlertEvent> first = new LinkedHashMap<>();
    for (AlertEvent event : events) {
      AlertEvent seen = first.putIfAbsent(event.alertId() + "/" + event.state().wireName(), event);
      if (seen != null && !seen.equals(event)) {
        throw new AssertionError("the same alert step differs: " + seen + " vs " + event);
      }
    }
    return new ArrayList<>(first.values());
  }

  static boolean sameStep(AlertEvent a, AlertEvent b) {
    return a.alertId().equals(b.alertId()) && a.state() == b.state();
  }

  static long opened(List<AlertEvent> events) {
    return events.stream().filter(e -> e.state() == AlertState.OPENED).count();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
