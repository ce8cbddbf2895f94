package io.tonewatch.alerting.view;

import java.time.Instant;
import java.util.List;

/**
 * An alert the console shows until it is resolved.
 *
 * @param alertId the engine's alert id
 * @param callId the call
 * @param team the call's team
 * @param leg customer or agent; null for a call-wide alert (mutual escalation)
 * @param kind the alert kind's wire name
 * @param severity the severity's wire name
 * @param ladderStep the escalation step reached, wire name
 * @param openedAt when the alert opened
 * @param evidence the evidence in a supervisor's words, e.g. "customer: pitch +9 semitones, voice
 *     effort up, 14 s"
 * @param suggestions what the policy suggests now, e.g. "whisper", "barge"
 * @param acknowledgedBy who acknowledged or claimed it; null while nobody has
 */
public record OpenAlert(
    String alertId,
    String callId,
    String team,
    String leg,
    String kind,
    String severity,
    String ladderStep,
    Instant openedAt,
    String evidence,
    List<String> suggestions,
    String acknowledgedBy) {

  public OpenAlert {
    suggestions = List.copyOf(suggestions);
  }
}
