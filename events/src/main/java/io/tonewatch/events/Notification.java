package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification the alerting service sent, recorded on the notifications topic before it goes
 * out, so that a restarted service knows what was sent and sends nothing twice.
 *
 * @param schema always {@link #SCHEMA}
 * @param notificationId {@code alertId:step:attempt}, unique per notification
 * @param alertId the alert that made the step due
 * @param callId the call
 * @param step the ladder step
 * @param recipient who it is for (fixed by the step)
 * @param attempt 1 for the first notification of a step, 2 and up for re-notifications
 * @param time when it was sent
 * @param message what the recipient reads, in plain words
 */
@JsonPropertyOrder({
  "schema",
  "notificationId",
  "alertId",
  "callId",
  "step",
  "recipient",
  "attempt",
  "time",
  "message"
})
public record Notification(
    String schema,
    String notificationId,
    String alertId,
    String callId,
    LadderStep step,
    Recipient recipient,
    int attempt,
    Instant time,
    String message) {

  public static final String SCHEMA = "tonewatch.notification/v1";

  public Notification {
    EventJson.requireSchema(SCHEMA, schema);
    EventJson.requireText("alertId", alertId);
    EventJson.requireText("callId", callId);
    Objects.requireNonNull(step, "step");
    if (recipient != step.recipient()) {
      throw new IllegalArgumentException(
          "step " + step.wireName() + " is for the " + step.recipient().wireName());
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    if (!id(alertId, step, attempt).equals(notificationId)) {
      throw new IllegalArgumentException(
          "notificationId must be " + id(alertId, step, attempt) + ", was " + notificationId);
    }
    Objects.requireNonNull(time, "time");
    EventJson.requireText("message", message);
  }

  /** Builds a v1 notification; schema, id and recipient are filled in. */
  public static Notification of(
      String alertId, String callId, LadderStep step, int attempt, Instant time, String message) {
    return new Notification(
        SCHEMA,
        id(alertId, step, attempt),
        alertId,
        callId,
        step,
        step.recipient(),
        attempt,
        time,
        message);
  }

  /** The id of one attempt of one step of one alert. */
  public static String id(String alertId, LadderStep step, int attempt) {
    return alertId + ":" + step.wireName() + ":" + attempt;
  }
}
