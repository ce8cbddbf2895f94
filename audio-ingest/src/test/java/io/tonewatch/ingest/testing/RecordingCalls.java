package io.tonewatch.ingest.testing;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.call.CallAdmission;
import io.tonewatch.ingest.sink.FrameSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simple in-test {@link CallAdmission} and {@link FrameSink}: admits calls up to a leg limit,
 * publishes their start and end into the same recording it keeps every frame in. Thread-safe.
 */
public final class RecordingCalls implements CallAdmission, FrameSink {
  private final int maxLegs;
  private final Map<String, Integer> live = new HashMap<>();
  private final List<AudioMessage> messages = new ArrayList<>();

  public RecordingCalls(int maxLegs) {
    this.maxLegs = maxLegs;
  }

  @Override
  public synchronized boolean open(String callId, Set<Leg> legs, Map<String, String> metadata) {
    if (live.containsKey(callId) || activeLegs() + legs.size() > maxLegs) {
      return false;
    }
    live.put(callId, legs.size());
    messages.add(new CallStarted(callId, Instant.now(), legs, metadata));
    return true;
  }

  @Override
  public synchronized void close(String callId, EndReason reason) {
    if (live.remove(callId) != null) {
      messages.add(new CallEnded(callId, Instant.now(), reason));
    }
  }

  @Override
  public synchronized boolean isOpen(String callId) {
    return live.containsKey(callId);
  }

  @Override
  public synchronized int activeLegs() {
    return live.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public synchronized int activeCalls() {
    return live.size();
  }

  @Override
  public synchronized void accept(AudioMessage message) {
    messages.add(message);
  }

  /** Everything published so far, in order. */
  public synchronized List<AudioMessage> messages() {
    return List.copyOf(messages);
  }

  /** The frames of one leg, in the order they were published. */
  public synchronized List<AudioFrame> frames(String callId, Leg leg) {
    List<AudioFrame> out = new ArrayList<>();
    for (AudioMessage m : messages) {
      if (m instanceof AudioFrame f && f.callId().equals(callId) && f.leg() == leg) {
        out.add(f);
      }
    }
    return out;
  }

  /** The call's start, or null. */
  public synchronized CallStarted started(String callId) {
    for (AudioMessage m : messages) {
      if (m instanceof CallStarted s && s.callId().equals(callId)) {
        return s;
      }
    }
    return null;
  }

  /** The call's end, or null. */
  public synchronized CallEnded ended(String callId) {
    for (AudioMessage m : messages) {
      if (m instanceof CallEnded e && e.callId().equals(callId)) {
        return e;
      }
    }
    return null;
  }
}
