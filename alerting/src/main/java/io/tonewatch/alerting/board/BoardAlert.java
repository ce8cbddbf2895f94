package io.tonewatch.alerting.board;

import io.tonewatch.alerting.escalation.Wording;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the board knows of one alert episode. Guarded by the {@link Board}'s lock. */
final class BoardAlert {
  final String alertId;
  final AlertKind kind;
  final Leg leg;
  Instant openedAt;
  Instant closedAt;
  Severity severity;
  Evidence evidence;
  LadderStep step;
  String acknowledgedBy;
  boolean resolved;

  BoardAlert(AlertEvent first) {
    this.alertId = first.alertId();
    this.kind = first.kind();
    this.leg = first.leg();
    this.openedAt = first.wallClockTime();
    this.severity = first.severity();
    this.evidence = first.evidence();
  }

  /** Folds in a later (or replayed) event of the episode; true when it closed the episode. */
  boolean apply(AlertEvent event) {
    if (event.wallClockTime().isBefore(openedAt)) {
      openedAt = event.wallClockTime();
    }
    if (event.severity().compareTo(severity) >= 0) {
      severity = event.severity();
      evidence = event.evidence();
    }
    if (event.state() == AlertState.CLOSED && closedAt == null) {
      closedAt = event.wallClockTime();
      return true;
    }
    return false;
  }

  void reached(LadderStep reached) {
    if (step == null || reached.compareTo(step) > 0) {
      step = reached;
    }
  }

  String words(Instant now) {
    Duration lasted = Duration.between(openedAt, closedAt == null ? now : closedAt);
    return Wording.evidence(leg, evidence, lasted.isNegative() ? Duration.ZERO : lasted);
  }

  /** What the policy suggests a supervisor do now. */
  List<String> suggestions() {
    if (step == null || closedAt != null) {
      return List.of();
    }
    return switch (step) {
      case BARGE_SUGGESTED -> List.of("barge");
      case WHISPER_SUGGESTED, AGENT_VOICE_RAISED -> List.of("whisper");
      default -> List.of();
    };
  }
}
