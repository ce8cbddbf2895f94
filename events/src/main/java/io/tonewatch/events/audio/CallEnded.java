package io.tonewatch.events.audio;

import java.time.Instant;
import java.util.Objects;

/**
 * A call's audio is over: published after its last frame.
 *
 * @param callId the call
 * @param endedAt wall-clock time the call ended
 * @param reason why it ended
 */
public record CallEnded(String callId, Instant endedAt, EndReason reason) implements AudioMessage {

  public CallEnded {
    CallIds.require(callId);
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(reason, "reason");
  }
}
