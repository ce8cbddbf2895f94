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
    // The webhook's counters exist from the start, so a dashboard shows 0 rather than nothing.
    webhookCounter("retries");
    webhookCounter("dead.letters");
    webhookCounter("delivered");
    webhookCounter("dropped");
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
    webhookCounter("retries").increment();
  }

  /** A webhook given up after its last try, or refused by the receiver (4xx). */
  public void webhookDeadLetter() {
    webhookCounter("dead.letters").increment();
  }

  /** A webhook delivered (2xx). */
  public void webhookDelivered() {
    webhookCounter("delivered").increment();
  }

  /** A webhook dropped because the queue was full. */
  public void webhookDropped() {
    webhookCounter("dropped").increment();
  }

  private Counter webhookCounter(String what) {
    return Counter.builder(PREFIX + "webhook." + what)
        .description("Webhooks " + what.replace('.', ' '))
        .register(registry);
  }
}
