package io.tonewatch.alerting.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of the call-platform adapters and the webhook sender ({@code
 * tonewatch.alerting.adapter.*}, so Prometheus sees {@code
 * tonewatch_alerting_adapter_requests_total}). Tags are small fixed sets (platform, kind, outcome,
 * error): never a call id, a user, an address or a phone number. Thread-safe.
 */
public final class AdapterMetrics {
  public static final String PREFIX = AlertingMetrics.PREFIX + "adapter.";

  private final MeterRegistry registry;

  public AdapterMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One request to a platform; {@code outcome} is {@code started} or {@code failed}. */
  public void request(String platform, String kind, String outcome) {
    Counter.builder(PREFIX + "requests")
        .description("Call-platform requests by platform, kind and outcome")
        .tag("platform", platform)
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /**
   * A failure talking to a platform; {@code error} is one of {@code connect}, {@code timeout},
   * {@code refused}, {@code protocol}.
   */
  public void error(String platform, String error) {
    Counter.builder(PREFIX + "errors")
        .description("Call-platform failures by platform and error")
        .tag("platform", platform)
        .tag("error", error)
        .register(registry)
        .increment();
  }

  /** A webhook try that failed and will be tried again. */
  public void webhookRetry() {
    counter("webhook.retries", "Webhook tries that failed and were tried again").increment();
  }

  /** A webhook given up after its last try, or refused by the receiver (4xx). */
  public void webhookDeadLetter() {
    counter("webhook.dead.letters", "Webhooks given up and dead-lettered").increment();
  }

  /** A webhook delivered (2xx). */
  public void webhookDelivered() {
    counter("webhook.delivered", "Webhooks the receiver accepted").increment();
  }

  /** A webhook dropped because the queue was full. */
  public void webhookDropped() {
    counter("webhook.dropped", "Webhooks dropped because the queue was full").increment();
  }

  private Counter counter(String name, String description) {
    return Counter.builder(PREFIX + name).description(description).register(registry);
  }
}
