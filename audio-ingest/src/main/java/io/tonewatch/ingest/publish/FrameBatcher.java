package io.tonewatch.ingest.publish;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.FrameBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers consecutive frames of each leg into one outgoing record: a leg's batch goes out when it
 * holds {@code maxFrames} frames, when {@code maxDelayMillis} have passed since its first frame was
 * taken from the queue (so a backlog after an outage still travels in batches), when the next frame
 * of the leg does not follow on (a gap), or before a start or end of its call (so the partition
 * keeps the call's order). Call starts and ends pass through at once. Batches are kept in the order
 * they were begun, so the one due first is always at the head. At most one open batch per leg:
 * memory is bounded by legs times {@code maxFrames}. Owned by the publisher's sender thread.
 */
final class FrameBatcher {

  /** One record to send and the queue entries it carries (to count each one's outcome). */
  record Outgoing(AudioMessage message, List<PublishQueue.Entry> entries) {}

  private record LegKey(String callId, Leg leg) {}

  private record Open(long firstTakenNanos, List<PublishQueue.Entry> entries) {}

  private final int maxFrames;
  private final long maxDelayNanos;
  private final Map<LegKey, Open> open = new LinkedHashMap<>();

  FrameBatcher(int maxFrames, int maxDelayMillis) {
    this.maxFrames = maxFrames;
    this.maxDelayNanos = maxDelayMillis * 1_000_000L;
  }

  /** Takes {@code entry} at {@code nowNanos}; returns what must be sent now, in order. */
  List<Outgoing> add(PublishQueue.Entry entry, long nowNanos) {
    List<Outgoing> out = new ArrayList<>(2);
    if (!(entry.message() instanceof AudioFrame frame)) {
      String callId = entry.message().callId();
      for (Leg leg : Leg.values()) {
        flush(new LegKey(callId, leg), out);
      }
      out.add(new Outgoing(entry.message(), List.of(entry)));
      return out;
    }
    if (maxFrames == 1) {
      out.add(new Outgoing(frame, List.of(entry)));
      return out;
    }
    LegKey key = new LegKey(frame.callId(), frame.leg());
    Open batch = open.get(key);
    if (batch != null) {
      List<PublishQueue.Entry> entries = batch.entries();
      if (!FrameBatch.follows((AudioFrame) entries.get(0).message(), entries.size(), frame)) {
        flush(key, out);
        batch = null;
      }
    }
    if (batch == null) {
      batch = new Open(nowNanos, new ArrayList<>(maxFrames));
      open.put(key, batch);
    }
    batch.entries().add(entry);
    if (batch.entries().size() >= maxFrames) {
      flush(key, out);
    }
    return out;
  }

  /** The batches begun the delay or longer before {@code nowNanos}. */
  List<Outgoing> due(long nowNanos) {
    List<Outgoing> out = new ArrayList<>();
    Iterator<Open> it = open.values().iterator();
    while (it.hasNext()) {
      Open batch = it.next();
      if (nowNanos - batch.firstTakenNanos() < maxDelayNanos) {
        break;
      }
      it.remove();
      out.add(outgoing(batch.entries()));
    }
    return out;
  }

  /**
   * Nanoseconds from {@code nowNanos} until the next batch is due; {@code Long.MAX_VALUE}: none.
   */
  long nanosUntilDue(long nowNanos) {
    if (open.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long firstNanos = open.values().iterator().next().firstTakenNanos();
    return Math.max(0, firstNanos + maxDelayNanos - nowNanos);
  }

  /** Every open batch, oldest first. */
  List<Outgoing> flushAll() {
    List<Outgoing> out = new ArrayList<>();
    open.values().forEach(batch -> out.add(outgoing(batch.entries())));
    open.clear();
    return out;
  }

  /** Frames held in open batches now. */
  int heldFrames() {
    int frames = 0;
    for (Open batch : open.values()) {
      frames += batch.entries().size();
    }
    return frames;
  }

  private void flush(LegKey key, List<Outgoing> out) {
    Open batch = open.remove(key);
    if (batch != null) {
      out.add(outgoing(batch.entries()));
    }
  }

  /** A single frame goes as a plain frame; more as a {@link FrameBatch} with capture offsets. */
  private static Outgoing outgoing(List<PublishQueue.Entry> batch) {
    if (batch.size() == 1) {
      return new Outgoing(batch.get(0).message(), List.copyOf(batch));
    }
    List<AudioFrame> frames = new ArrayList<>(batch.size());
    int[] captureOffsetsMs = new int[batch.size()];
    long firstNanos = batch.get(0).acceptNanos();
    for (int i = 0; i < batch.size(); i++) {
      frames.add((AudioFrame) batch.get(i).message());
      long offsetMs = (batch.get(i).acceptNanos() - firstNanos) / 1_000_000;
      int previousMs = i == 0 ? 0 : captureOffsetsMs[i - 1];
      captureOffsetsMs[i] =
          (int) Math.min(FrameBatch.MAX_CAPTURE_OFFSET_MS, Math.max(previousMs, offsetMs));
    }
    return new Outgoing(new FrameBatch(frames, captureOffsetsMs), List.copyOf(batch));
  }
}
