package io.tonewatch.alerting.escalation;

import io.tonewatch.events.Action;
import io.tonewatch.events.ActionOutcome;
import io.tonewatch.events.ActionType;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import java.time.Instant;

/** Alert events and actions for the ladder's tests, at seconds after a fixed start. */
public final class Calls {
  public static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  public static final Evidence EVIDENCE = new Evidence(9.2, 4.0, 3.5, 2.5, 1.5, 1.8, 0);

  private Calls() {}

  public static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  public static AlertEvent customer(
      String callId, int episode, AlertState state, Severity severity, double seconds) {
    return event(callId, AlertKind.RAISED_VOICE, Leg.CUSTOMER, episode, state, severity, seconds);
  }

  public static AlertEvent event(
      String callId,
      AlertKind kind,
      Leg leg,
      int episode,
      AlertState state,
      Severity severity,
      double seconds) {
    String id =
        callId + ":" + kind.wireName() + (leg == null ? "" : ":" + leg.wireName()) + ":" + episode;
    return AlertEvent.of(
        id,
        callId,
        leg,
        kind,
        state,
        severity,
        Math.round(seconds * 1000),
        at(seconds),
        EVIDENCE,
        "test/1");
  }

  public static Action action(
      String callId, String alertId, ActionType type, String actor, double seconds) {
    return new Action(
        Action.SCHEMA,
        callId + ":" + type.wireName() + ":" + seconds,
        type,
        callId,
        alertId,
        actor,
        at(seconds),
        type == ActionType.WHISPER ? ActionOutcome.STARTED : ActionOutcome.DONE,
        null);
  }
}
