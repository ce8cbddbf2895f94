package io.tonewatch.ingest.call;

import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.ingest.sink.FrameSink;
import java.util.Objects;

/**
 * Passes every message on and tells the registry that a frame's call had media, so a call announced
 * through the control API and streamed over WebSocket or AudioSocket does not end by the media
 * timeout while its frames flow. Thread-safe: {@link CallRegistry#touch(String)} is.
 */
public final class TouchingFrameSink implements FrameSink {
  private final FrameSink next;
  private final CallRegistry registry;

  public TouchingFrameSink(FrameSink next, CallRegistry registry) {
    this.next = Objects.requireNonNull(next, "next");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void accept(AudioMessage message) {
    if (message instanceof AudioFrame frame) {
      registry.touch(frame.callId());
    }
    next.accept(message);
  }
}
