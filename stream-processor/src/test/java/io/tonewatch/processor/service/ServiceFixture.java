package io.tonewatch.processor.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import io.tonewatch.testing.TestKafka;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One test's own topics and consumer group on a shared {@link TestKafka}, so tests in one JVM do
 * not see each other's records; builds service configurations and a producer for audio records.
 */
final class ServiceFixture {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  final TestKafka kafka;
  final String audioTopic;
  final String alertsTopic;
  final String featuresTopic;
  final String groupId;
  final int audioPartitions;

  ServiceFixture(TestKafka kafka, String name, int audioPartitions) throws Exception {
    int n = SEQUENCE.incrementAndGet();
    this.kafka = kafka;
    this.audioTopic = name + "-audio-" + n;
    this.alertsTopic = name + "-alerts-" + n;
    this.featuresTopic = name + "-features-" + n;
    this.groupId = name + "-group-" + n;
    this.audioPartitions = audioPartitions;
    kafka.createTopic(audioTopic, audioPartitions);
    kafka.createTopic(alertsTopic, 1);
    kafka.createTopic(featuresTopic, 1);
  }

  /** Settings for an instance of this fixture's group: short session, frequent commits. */
  Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("process.topic.audio", audioTopic);
    s.put("process.topic.alerts", alertsTopic);
    s.put("process.topic.features", featuresTopic);
    s.put("process.group-id", groupId);
    s.put("process.session-timeout-ms", "6000");
    s.put("process.commit-interval-ms", "200");
    return s;
  }

  ProcessConfig config() {
    return ProcessConfigLoader.fromMap(settings());
  }

  ProcessService start(SimpleMeterRegistry registry) {
    return ProcessService.start(config(), kafka.bootstrapServers(), registry);
  }

  KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(p);
  }

  AlertTap alerts() {
    return new AlertTap(kafka.bootstrapServers(), alertsTopic, 1);
  }

  AlertTap features() {
    return new AlertTap(kafka.bootstrapServers(), featuresTopic, 1);
  }
}
