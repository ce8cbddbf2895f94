package io.tonewatch.ingest;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.ingest.sink.FrameSink;
import io.tonewatch.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Keeps every message in arrival order; any thread may add, the test reads. */
final class RecordingSink implements FrameSink {
  private final List<AudioMessage> messages = new ArrayList<>();
  private volatile String blockedReason;

  /** From now on reports {@code reason} as why it cannot deliver (null: it can). */
  void block(String reason) {
    blockedReason = reason;
  }

  @Override
  public Optional<String> blockedReason() {
    return Optional.ofNullable(blockedReason);
  }

  @Override
  public synchronized void accept(AudioMessage message) {
    messages.add(message);
  }

  synchronized List<AudioMessage> messages() {
    return List.copyOf(messages);
  }

  /** The messages of one call, in the order they came. */
  synchronized List<AudioMessage> of(String callId) {
    List<AudioMessage> out = new ArrayList<>();
    for (AudioMessage m : messages) {
      if (callIdOf(m).equals(callId)) {
        out.add(m);
      }
    }
    return out;
  }

  synchronized List<AudioFrame> frames(String callId, Leg leg) {
    List<AudioFrame> out = new ArrayList<>();
    for (AudioMessage m : messages) {
      if (m instanceof AudioFrame f && f.callId().equals(callId) && f.leg() == leg) {
        out.add(f);
      }
    }
    return out;
  }

  synchronized Optional<CallStarted> started(String callId) {
    return messages.stream()
        .filter(m -> m instanceof CallStarted s && s.callId().equals(callId))
        .map(m -> (CallStarted) m)
        .findFirst();
  }

  synchronized Optional<CallEnded> ended(String callId) {
    return messages.stream()
        .filter(m -> m instanceof CallEnded e && e.callId().equals(callId))
        .map(m -> (CallEnded) m)
        .findFirst();
  }

  static String callIdOf(AudioMessage m) {
    if (m instanceof AudioFrame f) {
      return f.callId();
    }
    return m instanceof CallStarted s ? s.callId() : ((CallEnded) m).callId();
  }

  /** Waits for {@code condition} with {@link Await}'s generous deadline. */
  static void await(BooleanSupplier condition, String what) {
    Await.until(what, condition);
  }
}
