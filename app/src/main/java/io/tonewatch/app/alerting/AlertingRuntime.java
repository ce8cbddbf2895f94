package io.tonewatch.app.alerting;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tonewatch.alerting.AlertingService;
import io.tonewatch.alerting.NotificationListener;
import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.console.ConsoleServer;
import io.tonewatch.app.process.HealthServer;
import io.tonewatch.processor.service.Health;
import java.time.Clock;
import java.util.Objects;

/**
 * One running alerting service: the service, a Prometheus registry and its /health and /metrics.
 * Ready once the service has rebuilt its state from the topics. Closed in reverse order.
 */
public final class AlertingRuntime implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final AlertingService service;
  private final HealthServer http;
  private final ConsoleServer console;

  private AlertingRuntime(
      PrometheusMeterRegistry registry,
      AlertingService service,
      HealthServer http,
      ConsoleServer console) {
    this.registry = registry;
    this.service = service;
    this.http = http;
    this.console = console;
  }

  /**
   * Starts the service against {@code bootstrapServers}; {@code listener} hears each notification.
   */
  public static AlertingRuntime start(
      AlertingConfig config, String bootstrapServers, NotificationListener listener) {
    Objects.requireNonNull(config, "config");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AlertingService service =
        AlertingService.start(config, bootstrapServers, Clock.systemUTC(), registry, listener);
    HealthServer http = null;
    try {
      http =
          new HealthServer(
              config.bindAddress(), config.httpPort(), () -> health(service), registry::scrape);
      ConsoleServer console =
          ConsoleServer.start(
              config.console(),
              service.view(),
              config.bindAddress(),
              config.console().httpPort(),
              Clock.systemUTC());
      return new AlertingRuntime(registry, service, http, console);
    } catch (RuntimeException e) {
      if (http != null) {
        http.close();
      }
      closeService(service);
      registry.close();
      throw e;
    }
  }

  private static Health health(AlertingService service) {
    if (service.failure().isPresent()) {
      return new Health(false, "stopped: " + service.failure().get());
    }
    return service.ready()
        ? new Health(true, "serving")
        : new Health(false, "rebuilding its state from Kafka (or waiting for the broker)");
  }

  /** The error the service stopped on by itself, or null while it runs. */
  public Exception fatal() {
    return service.failure().map(IllegalStateException::new).orElse(null);
  }

  public int httpPort() {
    return http.port();
  }

  /** The supervisor console's port. */
  public int consolePort() {
    return console.port();
  }

  public AlertingService service() {
    return service;
  }

  @Override
  public void close() {
    console.close();
    http.close();
    closeService(service);
    registry.close();
  }

  private static void closeService(AlertingService service) {
    try {
      service.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
