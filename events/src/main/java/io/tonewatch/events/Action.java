package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing someone did about an alert or a call, as recorded on the actions topic: the audit
 * trail, and what the alerting service rebuilds acknowledgements and resolutions from.
 *
 * @param schema always {@link #SCHEMA}
 * @param actionId unique per action, so a record read twice counts once
 * @param type what was done
 * @param callId the call
 * @param alertId the alert acted on; null for an action on the call as a whole
 * @param actor who acted: a user name, or {@code system} for the service's own actions
 * @param time when it was done
 * @param outcome done, started on the call platform, or failed
 * @param detail why it failed, or a short note; null when there is none
 */
@JsonPropertyOrder({
  "schema",
  "actionId",
  "type",
  "callId",
  "alertId",
  "actor",
  "time",
  "outcome",
  "detail"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(
    String schema,
    String actionId,
    ActionType type,
    String callId,
    String alertId,
    String actor,
    Instant time,
    ActionOutcome outcome,
    String detail) {

  public static final String SCHEMA = "tonewatch.action/v1";

  /** The actor of the service's own actions (auto-resolve). */
  public static final String SYSTEM = "system";

  public Action {
    EventJson.requireSchema(SCHEMA, schema);
    EventJson.requireText("actionId", actionId);
    Objects.requireNonNull(type, "type");
    EventJson.requireText("callId", callId);
    if (alertId != null && alertId.isBlank()) {
      throw new IllegalArgumentException("alertId must be null or not blank");
    }
    EventJson.requireText("actor", actor);
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(outcome, "outcome");
  }
}
