package io.tonewatch.app.process;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tonewatch.app.kafka.KafkaClientSettings;
import io.tonewatch.processor.service.Health;
import io.tonewatch.processor.service.ProcessService;
import io.tonewatch.processor.service.config.ProcessConfig;
import java.util.Objects;

/**
 * One running stream-processor: the service, a Prometheus registry and its HTTP endpoints. The
 * JVM's meters are bound only when this runtime owns the JVM's registry ({@code bindJvm}), so that
 * {@code run} does not export them twice. Closed in reverse order.
 */
public final class ProcessRuntime implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final ProcessService service;
  private final HealthServer http;

  private ProcessRuntime(
      PrometheusMeterRegistry registry, ProcessService service, HealthServer http) {
    this.registry = registry;
    this.service = service;
    this.http = http;
  }

  /**
   * Starts the service against {@code bootstrapServers}, its clients also given {@code client}'s
   * properties, and serves /health and /metrics.
   */
  public static ProcessRuntime start(
      ProcessConfig config, String bootstrapServers, KafkaClientSettings client, boolean bindJvm) {
    Objects.requireNonNull(config, "config");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    if (bindJvm) {
      new JvmMemoryMetrics().bindTo(registry);
      new JvmGcMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
    }
    ProcessService service =
        ProcessService.start(config, bootstrapServers, client.properties(), registry);
    try {
      HealthServer http =
          new HealthServer(
              config.bindAddress(), config.httpPort(), service::health, registry::scrape);
      return new ProcessRuntime(registry, service, http);
    } catch (RuntimeException e) {
      service.close();
      registry.close();
      throw e;
    }
  }

  public int httpPort() {
    return http.port();
  }

  public Health health() {
    return service.health();
  }

  public ProcessService service() {
    return service;
  }

  static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "tonewatch-process-http");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    http.close();
    service.close();
    registry.close();
  }
}
