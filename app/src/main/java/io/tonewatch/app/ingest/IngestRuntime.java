package io.tonewatch.app.ingest;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tonewatch.app.kafka.EmbeddedKafka;
import io.tonewatch.app.kafka.EmbeddedKafkaSettings;
import io.tonewatch.app.kafka.KafkaClientSettings;
import io.tonewatch.ingest.IngestService;
import io.tonewatch.ingest.config.IngestConfig;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.publish.KafkaFramePublisher;
import io.tonewatch.ingest.publish.PublisherSettings;
import java.util.Map;
import java.util.Objects;

/**
 * One running ingest process: an embedded Kafka broker unless bootstrap servers are given, the
 * Kafka publisher, a Prometheus registry served on {@code /metrics}, and the ingest service. Closed
 * in reverse order, so every frame the service flushes at shutdown still reaches the broker.
 */
public final class IngestRuntime implements AutoCloseable {
  private final EmbeddedKafka broker;
  private final PrometheusMeterRegistry registry;
  private final KafkaFramePublisher publisher;
  private final IngestService service;
  private final String bootstrapServers;

  private IngestRuntime(
      EmbeddedKafka broker,
      PrometheusMeterRegistry registry,
      KafkaFramePublisher publisher,
      IngestService service,
      String bootstrapServers) {
    this.broker = broker;
    this.registry = registry;
    this.publisher = publisher;
    this.service = service;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts everything. {@code kafka} null or blank starts an embedded broker; {@code
   * publishSettings} holds {@code ingest.publish.*} keys (the bootstrap servers are filled in); the
   * producer also gets {@code client}'s properties.
   */
  public static IngestRuntime start(
      IngestConfig config,
      String kafka,
      Map<String, String> publishSettings,
      KafkaClientSettings client) {
    Objects.requireNonNull(config, "config");
    EmbeddedKafka broker = null;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KafkaFramePublisher publisher = null;
    try {
      String servers = kafka;
      if (servers == null || servers.isBlank()) {
        broker = EmbeddedKafka.start(EmbeddedKafkaSettings.defaults());
        servers = broker.bootstrapServers();
      }
      // ProcessorMetrics is left out: its process_cpu_time_ns and system_cpu_count fail promtool's
      // lint.
      new JvmMemoryMetrics().bindTo(registry);
      new JvmGcMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      IngestMetrics metrics = new IngestMetrics(registry);
      Map<String, String> publish = new java.util.HashMap<>(publishSettings);
      publish.put(PublisherSettings.PREFIX + "bootstrap-servers", servers);
      publisher =
          KafkaFramePublisher.start(
              PublisherSettings.fromMap(publish), client.properties(), metrics);
      IngestService service = new IngestService(config, publisher, metrics, registry::scrape);
      service.start();
      return new IngestRuntime(broker, registry, publisher, service, servers);
    } catch (RuntimeException e) {
      closeQuietly(publisher);
      closeQuietly(broker);
      registry.close();
      throw e;
    }
  }

  public IngestService service() {
    return service;
  }

  /** The Kafka the frames go to: the embedded broker's address or the one given. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** True when this runtime started its own broker. */
  public boolean embeddedBroker() {
    return broker != null;
  }

  @Override
  public void close() {
    closeQuietly(service);
    closeQuietly(publisher);
    closeQuietly(broker);
    registry.close();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Shutting down: the next part must still close; the cause is already logged by its owner.
      org.slf4j.LoggerFactory.getLogger(IngestRuntime.class)
          .warn(
              "ingest: closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}
