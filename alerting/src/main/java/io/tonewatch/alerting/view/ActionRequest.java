package io.tonewatch.alerting.view;

import io.tonewatch.events.ActionType;
import java.util.Objects;

/**
 * An action asked for from the console or the HTTP API.
 *
 * @param type what to do
 * @param callId the call
 * @param alertId the alert; null for an action on the call as a whole (whisper, barge, transfer)
 * @param note a free-text note from the user; null when none
 */
public record ActionRequest(ActionType type, String callId, String alertId, String note) {

  public ActionRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(callId, "callId");
  }
}
