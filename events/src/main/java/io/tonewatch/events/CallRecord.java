package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A call's start or end as the stream processor saw it on the audio topic, republished as small
 * JSON on the calls topic so that consumers of call metadata (the alerting console) need not read
 * audio. The metadata is what ingest published: the caller's number is never in it, only its keyed
 * hash and masked form. A call may be recorded more than once (a replayed partition); consumers
 * fold records by call id.
 *
 * @param schema always {@link #SCHEMA}
 * @param callId the call
 * @param state started or ended
 * @param time when ingest learned of the call (started) or when its audio ended (ended)
 * @param metadata the call's registration metadata; empty on an end
 * @param endReason for an end, why (e.g. {@code hangup}, {@code media_timeout}); null on a start
 */
@JsonPropertyOrder({"schema", "callId", "state", "time", "metadata", "endReason"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallRecord(
    String schema,
    String callId,
    CallState state,
    Instant time,
    Map<String, String> metadata,
    String endReason) {

  public static final String SCHEMA = "tonewatch.call/v1";

  public CallRecord {
    EventJson.requireSchema(SCHEMA, schema);
    EventJson.requireText("callId", callId);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(time, "time");
    // Sorted, so that the wire form of one record is always the same.
    metadata =
        metadata == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
  }

  public static CallRecord started(String callId, Instant time, Map<String, String> metadata) {
    return new CallRecord(SCHEMA, callId, CallState.STARTED, time, metadata, null);
  }

  public static CallRecord ended(String callId, Instant time, String endReason) {
    return new CallRecord(SCHEMA, callId, CallState.ENDED, time, Map.of(), endReason);
  }
}
