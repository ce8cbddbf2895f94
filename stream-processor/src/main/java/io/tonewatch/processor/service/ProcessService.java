package io.tonewatch.processor.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.tonewatch.processor.service.calls.CallWorkers;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.consume.AudioConsumer;
import io.tonewatch.processor.service.consume.BrokerWatch;
import io.tonewatch.processor.service.consume.Tenures;
import io.tonewatch.processor.service.metrics.ProcessMetrics;
import io.tonewatch.processor.service.offsets.CommitLedger;
import io.tonewatch.processor.service.publish.KafkaEventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the stream-processor service: the consumer thread, the engine threads, the
 * producer and the broker watch. Start never waits for Kafka: an unreachable cluster is waited for,
 * logged and shown in {@link #health()}. {@link #close} lets the queued records be analysed,
 * commits what may be committed and leaves the group; open calls are not closed, their next owner
 * replays them. Thread-safety: {@link #health} from any thread; {@link #close} once.
 */
public final class ProcessService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProcessService.class);

  private final ProcessConfig config;
  private final String bootstrapServers;
  private final KafkaEventPublisher publisher;
  private final CallWorkers workers;
  private final AudioConsumer consumer;
  private final BrokerWatch brokerWatch;
  private final Thread consumerThread;

  private ProcessService(
      ProcessConfig config,
      String bootstrapServers,
      Map<String, String> clientProperties,
      MeterRegistry registry,
      Clock clock) {
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    ProcessMetrics metrics = new ProcessMetrics(registry);
    KafkaClients clients = new KafkaClients(config, bootstrapServers, Map.copyOf(clientProperties));
    this.brokerWatch =
        new BrokerWatch(
            Admin.create(clients.admin()), bootstrapServers, "process", metrics::kafkaReachable);
    this.publisher =
        new KafkaEventPublisher(config, new KafkaProducer<>(clients.producer()), metrics, clock);
    this.workers = new CallWorkers(config, publisher, metrics, System::nanoTime);
    this.consumer =
        new AudioConsumer(
            config, new KafkaConsumer<>(clients.consumer()), workers, new CommitLedger(), metrics);
    this.consumerThread = new Thread(consumer, "tonewatch-process-consumer");
  }

  /**
   * Starts an instance against {@code bootstrapServers}; meters go to {@code registry}.
   *
   * @throws KafkaException when the clients refuse their configuration
   */
  public static ProcessService start(
      ProcessConfig config, String bootstrapServers, MeterRegistry registry) {
    return start(config, bootstrapServers, Map.of(), registry);
  }

  /**
   * Starts an instance as above; {@code clientProperties} (e.g. {@code security.protocol}, {@code
   * sasl.jaas.config}) go to every Kafka client for each key the service does not set itself.
   */
  public static ProcessService start(
      ProcessConfig config,
      String bootstrapServers,
      Map<String, String> clientProperties,
      MeterRegistry registry) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(registry, "registry");
    ProcessService service =
        new ProcessService(config, bootstrapServers, clientProperties, registry, Clock.systemUTC());
    service.consumerThread.start();
    log.info(
        "process: consuming {} from {} as group {}, {} engine threads",
        config.audioTopic(),
        bootstrapServers,
        config.groupId(),
        config.workers());
    return service;
  }

  public Health health() {
    KafkaException failure = consumer.failure();
    if (failure != null) {
      return new Health(false, "stopped: " + failure.getMessage());
    }
    if (consumer.finished()) {
      return new Health(false, "stopped");
    }
    if (!brokerWatch.reachable()) {
      return new Health(false, "waiting for Kafka at " + bootstrapServers);
    }
    if (!consumer.joined()) {
      return new Health(false, "joining consumer group " + config.groupId());
    }
    return new Health(true, "consuming " + config.audioTopic());
  }

  /** When this instance held which partition of the audio topic. */
  public Tenures tenures() {
    return consumer.tenures();
  }

  /** The fatal error that stopped the consumer (bad credentials, authorisation...), or null. */
  public KafkaException failure() {
    return consumer.failure();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    try {
      consumer.stop(Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.close();
    publisher.close(Duration.ofSeconds(10));
    brokerWatch.close();
    log.info("process: stopped");
  }
}
