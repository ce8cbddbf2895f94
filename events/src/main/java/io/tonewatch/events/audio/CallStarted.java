package io.tonewatch.events.audio;

import io.tonewatch.events.Leg;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A call's audio begins: published before its first frame.
 *
 * @param callId the call
 * @param startedAt wall-clock time the ingest service learned of the call
 * @param legs the legs whose audio will follow
 * @param metadata platform metadata (agent, queue, ...); small, never audio or voiceprints
 */
public record CallStarted(
    String callId, Instant startedAt, Set<Leg> legs, Map<String, String> metadata)
    implements AudioMessage {

  public CallStarted {
    CallIds.require(callId);
    Objects.requireNonNull(startedAt, "startedAt");
    legs = Set.copyOf(legs);
    metadata = Map.copyOf(metadata);
  }
}
