package io.tonewatch.alerting.escalation;

import io.tonewatch.events.Action;
import io.tonewatch.events.ActionOutcome;
import io.tonewatch.events.ActionType;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Notification;
import io.tonewatch.events.Recipient;
import io.tonewatch.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ladder of one call. Every input is folded in as a set or a maximum (alerts by id,
 * acknowledgements and resolutions by alert, notifications sent by alert and step), so the order in
 * which the four topics are read back after a restart does not change the state. Owned by the
 * thread that owns the {@link Ladder}.
 */
final class CallLadder {
  /** How many attempts of one step of one alert went out, and when the last did. */
  private record Sent(int attempts, Instant lastAt) {}

  private final String callId;
  private final Map<String, AlertTrack> alerts = new LinkedHashMap<>();
  private final Set<String> acknowledged = new HashSet<>();
  private final Set<String> resolved = new HashSet<>();
  private final Map<String, Sent> sent = new HashMap<>();
  private Instant lastActivity;
  private Instant lastWhisper;

  CallLadder(String callId) {
    this.callId = callId;
  }

  void onAlert(AlertEvent event) {
    AlertTrack track = alerts.get(event.alertId());
    if (track == null) {
      alerts.put(event.alertId(), new AlertTrack(event));
    } else {
      track.apply(event);
    }
    touch(event.wallClockTime());
  }

  void touch(Instant time) {
    if (lastActivity == null || time.isAfter(lastActivity)) {
      lastActivity = time;
    }
  }

  /**
   * Folds in one action; returns the time from opening to it when it is a first acknowledgement.
   */
  Duration onAction(Action action) {
    boolean effective = action.outcome() != ActionOutcome.FAILED;
    Duration toAcknowledge = null;
    if (action.alertId() != null && effective && action.type().acknowledges()) {
      AlertTrack track = alerts.get(action.alertId());
      if (acknowledged.add(action.alertId()) && track != null) {
        toAcknowledge = Duration.between(track.openedAt(), action.time());
      }
    }
    if (action.alertId() != null && effective && action.type().resolves()) {
      resolved.add(action.alertId());
    }
    if (action.type() == ActionType.WHISPER && effective) {
      if (lastWhisper == null || action.time().isAfter(lastWhisper)) {
        lastWhisper = action.time();
      }
    }
    return toAcknowledge;
  }

  void onNotification(Notification n) {
    sent.merge(
        n.alertId() + "|" + n.step(),
        new Sent(n.attempt(), n.time()),
        (a, b) -> a.attempts() >= b.attempts() ? a : b);
  }

  /** Adds what is due at {@code now} to the two lists. */
  void evaluate(Instant now, EscalationPolicy policy, List<Notification> out, List<Action> res) {
    boolean ended = lastActivity == null || !now.isBefore(lastActivity.plus(policy.callIdle()));
    for (AlertTrack track : alerts.values()) {
      if (resolved.contains(track.alertId())) {
        continue;
      }
      if (!track.open() && !now.isBefore(track.closedAt().plus(policy.resolveAfterCalm()))) {
        res.add(resolution(track, now, "calmed"));
      } else if (ended) {
        res.add(resolution(track, now, "call ended"));
      } else if (track.open()) {
        for (LadderStep step : steps(track, now, policy)) {
          Notification n = next(track, step, now, policy);
          if (n != null) {
            out.add(n);
          }
        }
      }
    }
  }

  private Set<LadderStep> steps(AlertTrack track, Instant now, EscalationPolicy policy) {
    Set<LadderStep> steps = EnumSet.noneOf(LadderStep.class);
    if (track.kind() == AlertKind.MUTUAL_ESCALATION) {
      steps.add(LadderStep.BARGE_SUGGESTED);
    } else if (track.kind() == AlertKind.RAISED_VOICE && track.leg() == Leg.AGENT) {
      if (policy.agentVoiceToSupervisor()) {
        steps.add(LadderStep.AGENT_VOICE_RAISED);
      }
    } else if (track.isCustomerRaised()) {
      boolean repeated = repeated(track, policy);
      boolean escalated =
          repeated
              || (policy.shoutingEscalates() && track.severity() == Severity.SHOUTING)
              || track.duration(now).compareTo(policy.stillRaised()) >= 0;
      if (escalated) {
        steps.add(LadderStep.SECOND_WARNING);
        steps.add(LadderStep.WHISPER_SUGGESTED);
      } else if (!coolingDown(track, policy)) {
        steps.add(LadderStep.AGENT_CUE);
      }
      if (afterWhisper(track, now, policy)) {
        steps.add(LadderStep.BARGE_SUGGESTED);
      }
    }
    return steps;
  }

  private Notification next(AlertTrack track, LadderStep step, Instant now, EscalationPolicy p) {
    Sent before = sent.get(track.alertId() + "|" + step);
    int attempt;
    if (before == null) {
      attempt = 1;
    } else if (step.recipient() == Recipient.SUPERVISOR
        && !acknowledged.contains(track.alertId())
        && before.attempts() <= p.renotifyMax()
        && !now.isBefore(before.lastAt().plus(p.renotifyAfter()))) {
      attempt = before.attempts() + 1;
    } else {
      return null;
    }
    boolean whispered = track.kind() != AlertKind.MUTUAL_ESCALATION;
    return Notification.of(
        track.alertId(), callId, step, attempt, now, Wording.message(step, track, now, whispered));
  }

  private boolean repeated(AlertTrack track, EscalationPolicy policy) {
    Instant from = track.openedAt().minus(policy.repeatWindow());
    int count = 0;
    for (AlertTrack other : alerts.values()) {
      if (other.isCustomerRaised()
          && !other.openedAt().isAfter(track.openedAt())
          && other.openedAt().isAfter(from)) {
        count++;
      }
    }
    return count >= policy.repeatCount();
  }

  /** True when another customer episode got its cue shortly before this one opened. */
  private boolean coolingDown(AlertTrack track, EscalationPolicy policy) {
    Instant from = track.openedAt().minus(policy.cueCooldown());
    for (AlertTrack other : alerts.values()) {
      if (other != track
          && other.isCustomerRaised()
          && sent.containsKey(other.alertId() + "|" + LadderStep.AGENT_CUE)
          && other.openedAt().isBefore(track.openedAt())
          && other.openedAt().isAfter(from)) {
        return true;
      }
    }
    return false;
  }

  private boolean afterWhisper(AlertTrack track, Instant now, EscalationPolicy policy) {
    if (lastWhisper == null) {
      return false;
    }
    Instant since = lastWhisper.isAfter(track.openedAt()) ? lastWhisper : track.openedAt();
    return Duration.between(since, now).compareTo(policy.calmAfterWhisper()) >= 0;
  }

  private Action resolution(AlertTrack track, Instant now, String why) {
    return new Action(
        Action.SCHEMA,
        track.alertId() + ":resolve:" + Action.SYSTEM,
        ActionType.RESOLVE,
        callId,
        track.alertId(),
        Action.SYSTEM,
        now,
        ActionOutcome.DONE,
        why);
  }

  /** True when nothing is left to do for this call and it has been idle for the policy's time. */
  boolean finished(Instant now, EscalationPolicy policy) {
    boolean idle = lastActivity == null || !now.isBefore(lastActivity.plus(policy.callIdle()));
    return idle && resolved.containsAll(alerts.keySet());
  }

  Instant lastActivity() {
    return lastActivity;
  }

  Collection<AlertTrack> alerts() {
    return alerts.values();
  }

  boolean isOpen(String alertId) {
    return alerts.containsKey(alertId) && !resolved.contains(alertId);
  }

  boolean isAcknowledged(String alertId) {
    return acknowledged.contains(alertId);
  }
}
