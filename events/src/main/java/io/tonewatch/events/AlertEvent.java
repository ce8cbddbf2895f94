package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * One step in the life of an alert episode, as published on the alerts topic and printed by {@code
 * analyze --format jsonl}. An episode is {@code opened}, {@code updated} any number of times and
 * {@code closed}, all with the same {@code alertId}, so consumers can de-duplicate.
 *
 * @param schema always {@link #SCHEMA}
 * @param alertId stable for the whole episode
 * @param callId the call the episode belongs to
 * @param leg the leg for per-leg kinds; null for call-level kinds
 * @param mediaTimeMs media time of the decision, from the start of the leg (or call), in ms
 * @param wallClockTime when the decision was taken
 * @param detectorVersion version of the engine that decided
 */
@JsonPropertyOrder({
  "schema",
  "alertId",
  "callId",
  "leg",
  "kind",
  "state",
  "severity",
  "mediaTimeMs",
  "wallClockTime",
  "evidence",
  "detectorVersion"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertEvent(
    String schema,
    String alertId,
    String callId,
    Leg leg,
    AlertKind kind,
    AlertState state,
    Severity severity,
    long mediaTimeMs,
    Instant wallClockTime,
    Evidence evidence,
    String detectorVersion) {

  public static final String SCHEMA = "tonewatch.alert/v1";

  public AlertEvent {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("unsupported schema '" + schema + "', expected " + SCHEMA);
    }
    requireText("alertId", alertId);
    requireText("callId", callId);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(wallClockTime, "wallClockTime");
    Objects.requireNonNull(evidence, "evidence");
    requireText("detectorVersion", detectorVersion);
    if (kind.perLeg() != (leg != null)) {
      throw new IllegalArgumentException(
          "kind " + kind.wireName() + (kind.perLeg() ? " needs a leg" : " must not name a leg"));
    }
    if (mediaTimeMs < 0) {
      throw new IllegalArgumentException("mediaTimeMs must be >= 0, was " + mediaTimeMs);
    }
  }

  /** Builds a v1 event; the schema is filled in. */
  public static AlertEvent of(
      String alertId,
      String callId,
      Leg leg,
      AlertKind kind,
      AlertState state,
      Severity severity,
      long mediaTimeMs,
      Instant wallClockTime,
      Evidence evidence,
      String detectorVersion) {
    return new AlertEvent(
        SCHEMA,
        alertId,
        callId,
        leg,
        kind,
        state,
        severity,
        mediaTimeMs,
        wallClockTime,
        evidence,
        detectorVersion);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
