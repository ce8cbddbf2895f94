package io.tonewatch.alerting.escalation;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * What is known of one alert episode from its events: when it opened and closed (event times), its
 * highest severity and latest evidence. Duplicate events change nothing. Owned by the thread that
 * owns the {@link Ladder}.
 */
public final class AlertTrack {
  private final String alertId;
  private final AlertKind kind;
  private final Leg leg;
  private Instant openedAt;
  private Instant closedAt;
  private Severity severity;
  private Evidence evidence;

  AlertTrack(AlertEvent first) {
    this.alertId = first.alertId();
    this.kind = first.kind();
    this.leg = first.leg();
    this.openedAt = first.wallClockTime();
    this.severity = first.severity();
    this.evidence = first.evidence();
    apply(first);
  }

  void apply(AlertEvent event) {
    if (event.wallClockTime().isBefore(openedAt)) {
      openedAt = event.wallClockTime();
    }
    if (event.severity().compareTo(severity) >= 0) {
      severity = event.severity();
      evidence = event.evidence();
    }
    if (event.state() == AlertState.CLOSED) {
      closedAt = event.wallClockTime();
    }
  }

  public String alertId() {
    return alertId;
  }

  public AlertKind kind() {
    return kind;
  }

  /** The leg, or null for a call-level kind. */
  public Leg leg() {
    return leg;
  }

  public Instant openedAt() {
    return openedAt;
  }

  /** When the episode closed (the voice calmed), or null while it is open. */
  public Instant closedAt() {
    return closedAt;
  }

  public boolean open() {
    return closedAt == null;
  }

  public Severity severity() {
    return severity;
  }

  public Evidence evidence() {
    return evidence;
  }

  /** How long the episode lasted, or has lasted by {@code now} while open. */
  public Duration duration(Instant now) {
    Duration lasted = Duration.between(openedAt, open() ? now : closedAt);
    return lasted.isNegative() ? Duration.ZERO : lasted;
  }

  boolean isCustomerRaised() {
    return kind == AlertKind.RAISED_VOICE && leg == Leg.CUSTOMER;
  }
}
