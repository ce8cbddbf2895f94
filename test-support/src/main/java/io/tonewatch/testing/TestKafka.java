package io.tonewatch.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft cluster in this JVM for the publisher's integration tests: one controller and one
 * broker in separate processes-in-JVM, so the broker can be stopped and started while the
 * controller keeps the metadata. Consumer groups and transactions work without preparing internal
 * topics. Owned by the test thread.
 */
public final class TestKafka implements AutoCloseable {
  private final KafkaClusterTestKit kit;

  private TestKafka(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  public static TestKafka start() throws Exception {
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(false)
            .setNumControllerNodes(1)
            .setNumBrokerNodes(1)
            .build();
    KafkaClusterTestKit kit =
        new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("log.cleaner.dedupe.buffer.size", "2097152")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            // Internal topics of a one-broker cluster can have one replica only.
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .build();
    kit.format();
    kit.startup();
    kit.waitForReadyBrokers();
    return new TestKafka(kit);
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  public void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = kit.admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  public BrokerServer broker() {
    return kit.brokers().values().iterator().next();
  }

  public void stopBroker() {
    BrokerServer broker = broker();
    broker.shutdown();
    broker.awaitShutdown();
  }

  public void startBroker() throws Exception {
    broker().startup();
    kit.waitForReadyBrokers();
  }

  /**
   * Reads {@code topic} from the beginning until {@code count} records came (failing after {@link
   * Await#PATIENCE}), then a little longer to catch any record beyond them (a duplicate).
   */
  public List<ConsumerRecord<byte[], byte[]>> consume(String topic, int partitions, int count) {
    return consume(topic, partitions, count + " records", records -> records.size() >= count);
  }

  /**
   * Reads {@code topic} from the beginning until {@code enough} holds for the records read (failing
   * after {@link Await#PATIENCE}), then a little longer to catch any record beyond them.
   */
  public List<ConsumerRecord<byte[], byte[]>> consume(
      String topic,
      int partitions,
      String what,
      Predicate<List<ConsumerRecord<byte[], byte[]>>> enough) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
      List<TopicPartition> assigned = new ArrayList<>();
      for (int partition = 0; partition < partitions; partition++) {
        assigned.add(new TopicPartition(topic, partition));
      }
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Await.until(
          what + " of " + topic,
          () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return enough.test(records);
          });
      // One more short poll shows that nothing beyond the expected records (e.g. duplicates) came.
      consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    }
    return records;
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
