package io.tonewatch.app.alerting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tonewatch.alerting.AlertingService;
import io.tonewatch.alerting.NotificationListener;
import io.tonewatch.alerting.actions.CallPlatform;
import io.tonewatch.alerting.actions.PlatformFactory;
import io.tonewatch.alerting.actions.webhook.WebhookSender;
import io.tonewatch.alerting.board.ReportDispatch;
import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.config.IntegrationSettings;
import io.tonewatch.alerting.console.ConsoleServer;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import io.tonewatch.alerting.repeat.EscalationRecorder;
import io.tonewatch.app.kafka.KafkaClientSettings;
import io.tonewatch.app.process.HealthServer;
import io.tonewatch.processor.service.Health;
import io.tonewatch.processor.service.consume.BrokerWatch;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * One running alerting service: the service, a Prometheus registry, a watch on the broker and its
 * /health and /metrics. Ready once the service has rebuilt its state from the topics, and while
 * Kafka answers (the service's own consumer polls nothing when the broker is gone, it does not
 * fail). Closed in reverse order.
 */
public final class AlertingRuntime implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final AlertingService service;
  private final BrokerWatch broker;
  private final HealthServer http;
  private final ConsoleServer console;
  private final Optional<WebhookSender> webhook;
  private final Optional<RepeatCallerParts> repeat;

  private AlertingRuntime(
      PrometheusMeterRegistry registry,
      AlertingService service,
      BrokerWatch broker,
      HealthServer http,
      ConsoleServer console,
      Optional<WebhookSender> webhook,
      Optional<RepeatCallerParts> repeat) {
    this.registry = registry;
    this.service = service;
    this.broker = broker;
    this.http = http;
    this.console = console;
    this.webhook = webhook;
    this.repeat = repeat;
  }

  /** Starts the service with no call platform and no webhook. */
  public static AlertingRuntime start(
      AlertingConfig config,
      String bootstrapServers,
      KafkaClientSettings client,
      NotificationListener listener) {
    return start(config, bootstrapServers, client, listener, IntegrationSettings.of(Map.of()));
  }

  /**
   * Starts the service against {@code bootstrapServers}; {@code listener} hears each notification;
   * {@code integrations} configure the call platform whisper, barge and transfer go to.
   */
  public static AlertingRuntime start(
      AlertingConfig config,
      String bootstrapServers,
      KafkaClientSettings client,
      NotificationListener listener,
      IntegrationSettings integrations) {
    Objects.requireNonNull(config, "config");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AdapterMetrics adapterMetrics = new AdapterMetrics(registry);
    Optional<WebhookSender> webhook =
        PlatformFactory.webhook(integrations, adapterMetrics, Clock.systemUTC());
    CallPlatform platform = PlatformFactory.platform(integrations, adapterMetrics, webhook);
    AtomicInteger reachable = new AtomicInteger();
    Gauge.builder("tonewatch.alerting.kafka.reachable", reachable, AtomicInteger::get)
        .description("1 while the Kafka cluster answers, else 0")
        .register(registry);
    Optional<RepeatCallerParts> repeat =
        RepeatCallerParts.open(integrations, bootstrapServers, Clock.systemUTC());
    Function<String, Optional<String>> notes =
        repeat
            .<Function<String, Optional<String>>>map(r -> r::noteForHash)
            .orElse(hash -> Optional.empty());
    AlertingService service =
        AlertingService.start(
            config,
            bootstrapServers,
            client.properties(),
            Clock.systemUTC(),
            registry,
            listener,
            platform,
            notes);
    BrokerWatch broker = null;
    HealthServer http = null;
    try {
      broker =
          new BrokerWatch(
              Admin.create(admin(config, bootstrapServers, client)),
              bootstrapServers,
              "alerting",
              now -> reachable.set(now ? 1 : 0));
      BrokerWatch watch = broker;
      http =
          new HealthServer(
              config.bindAddress(),
              config.httpPort(),
              () -> health(service, watch, bootstrapServers),
              registry::scrape);
      ConsoleServer console =
          ConsoleServer.start(
              config.console(),
              service.view(),
              config.bindAddress(),
              config.console().httpPort(),
              Clock.systemUTC(),
              repeat.<Function<String, Optional<String>>>map(r -> r::noteForNumber).orElse(null));
      webhook.ifPresent(
          sender ->
              service
                  .view()
                  .subscribe(new ReportDispatch(service.view(), sender::send, service::ready)));
      repeat.ifPresent(
          r ->
              service
                  .board()
                  .subscribe(
                      new EscalationRecorder(
                          service.board(),
                          r::record,
                          config.reportFromStep(),
                          service::ready,
                          Clock.systemUTC())));
      return new AlertingRuntime(registry, service, broker, http, console, webhook, repeat);
    } catch (RuntimeException e) {
      if (http != null) {
        http.close();
      }
      if (broker != null) {
        broker.close();
      }
      closeService(service);
      repeat.ifPresent(RepeatCallerParts::close);
      registry.close();
      throw e;
    }
  }

  private static Properties admin(
      AlertingConfig config, String bootstrapServers, KafkaClientSettings client) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, config.clientId() + "-health");
    p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    client.properties().forEach(p::putIfAbsent);
    return p;
  }

  private static Health health(AlertingService service, BrokerWatch broker, String servers) {
    if (service.failure().isPresent()) {
      return new Health(false, "stopped: " + service.failure().get());
    }
    if (!broker.reachable()) {
      return new Health(false, "waiting for Kafka at " + servers);
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
    webhook.ifPresent(WebhookSender::close);
    repeat.ifPresent(RepeatCallerParts::close);
    broker.close();
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
