package io.tonewatch.alerting.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tonewatch.events.ActionType;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.LadderStep;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every meter of the alerting service, named once here ({@code tonewatch.alerting.*}, so Prometheus
 * sees {@code tonewatch_alerting_alerts_received_total} and so on). Tags are small fixed sets
 * (kind, step, outcome, type, topic): never a call id, a user or a phone number. Thread-safe:
 * Micrometer meters and the atomics behind the gauges are.
 */
public final class AlertingMetrics {
  public static final String PREFIX = "tonewatch.alerting.";

  private final MeterRegistry registry;
  private final Timer timeToAcknowledge;
  private final AtomicInteger openAlerts = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger ready = new AtomicInteger();

  public AlertingMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.timeToAcknowledge =
        Timer.builder(PREFIX + "time.to.acknowledge")
            .description("From an alert's opening to its first acknowledgement")
            .publishPercentiles(0.5, 0.9)
            .register(registry);
    Gauge.builder(PREFIX + "open.alerts", openAlerts, AtomicInteger::get)
        .description("Alerts known and not resolved")
        .register(registry);
    Gauge.builder(PREFIX + "calls", calls, AtomicInteger::get)
        .description("Calls the escalation ladder keeps")
        .register(registry);
    // Every action type from the start, so a dashboard shows 0 false alarms rather than nothing.
    for (ActionType type : ActionType.values()) {
      counter("actions", "Actions read from the audit trail", "type", type.wireName());
    }
    Gauge.builder(PREFIX + "ready", ready, AtomicInteger::get)
        .description("1 once the state has been rebuilt from the topics")
        .register(registry);
  }

  public void alertReceived(AlertKind kind) {
    counter("alerts.received", "Alert events read", "kind", kind.wireName()).increment();
  }

  /** One notification; {@code outcome} is {@code sent} or {@code failed}. */
  public void notification(LadderStep step, String outcome) {
    Counter.builder(PREFIX + "notifications")
        .description("Notifications by step and outcome")
        .tag("step", step.wireName())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void action(ActionType type) {
    counter("actions", "Actions read from the audit trail", "type", type.wireName()).increment();
  }

  /** A record of {@code topic} that did not decode. */
  public void skipped(String topic) {
    counter("records.skipped", "Records that did not decode", "topic", topic).increment();
  }

  public void acknowledged(Duration sinceOpened) {
    timeToAcknowledge.record(sinceOpened);
  }

  public void state(int openAlertCount, int callCount) {
    openAlerts.set(openAlertCount);
    calls.set(callCount);
  }

  public void ready(boolean isReady) {
    ready.set(isReady ? 1 : 0);
  }

  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(PREFIX + name)
        .description(description)
        .tag(tag, value)
        .register(registry);
  }
}
