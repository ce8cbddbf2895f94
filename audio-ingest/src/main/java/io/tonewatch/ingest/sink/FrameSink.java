package io.tonewatch.ingest.sink;

import io.tonewatch.events.audio.AudioMessage;
import java.util.Optional;

/**
 * Where the ingest service hands what it has repaired: frames of every leg, in order per leg, with
 * each call's start before its first frame and its end after its last. Implementations must not
 * block the caller for long (receive loops call it) and must never throw on a full buffer: they
 * drop and count instead.
 */
public interface FrameSink {

  /** Accepts one message; called from receive threads, concurrently for different calls. */
  void accept(AudioMessage message);

  /**
   * Why messages cannot be delivered now (one sentence, e.g. Kafka refuses them), or empty when
   * they can; readiness reports it. Called from any thread.
   */
  default Optional<String> blockedReason() {
    return Optional.empty();
  }
}
