package io.tonewatch.events.audio;

import io.tonewatch.events.Leg;
import java.util.List;
import java.util.Objects;

/**
 * Consecutive frames of one leg carried by one record, so that Kafka's cost per record is paid once
 * for several 20 ms frames: frame {@code i} has the first frame's sequence + {@code i} and its
 * media time + 20 {@code i} ms.
 *
 * @param frames 1 to {@link #MAX_FRAMES} frames of one call and leg, in order, consecutive
 * @param captureOffsetsMs for each frame, ms after the first frame was captured (0 to 65535, never
 *     decreasing), so the processor can measure each frame's lag from its own capture; the record
 *     keeps the array it is given
 */
public record FrameBatch(List<AudioFrame> frames, int[] captureOffsetsMs) implements AudioMessage {

  public static final int MAX_FRAMES = 50;
  public static final int MAX_CAPTURE_OFFSET_MS = 0xFFFF;

  public FrameBatch {
    frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
    Objects.requireNonNull(captureOffsetsMs, "captureOffsetsMs");
    if (frames.isEmpty() || frames.size() > MAX_FRAMES) {
      throw new IllegalArgumentException(
          "a batch holds 1 to " + MAX_FRAMES + " frames, was " + frames.size());
    }
    if (captureOffsetsMs.length != frames.size()) {
      throw new IllegalArgumentException(
          captureOffsetsMs.length + " capture offsets for " + frames.size() + " frames");
    }
    AudioFrame first = frames.get(0);
    for (int i = 0; i < frames.size(); i++) {
      if (!follows(first, i, frames.get(i))) {
        throw new IllegalArgumentException(
            "frame " + i + " of a batch is not the " + i + "th after the first of its leg");
      }
      int offsetMs = captureOffsetsMs[i];
      int previousMs = i == 0 ? 0 : captureOffsetsMs[i - 1];
      if (offsetMs < previousMs || offsetMs > MAX_CAPTURE_OFFSET_MS) {
        throw new IllegalArgumentException(
            "capture offset " + offsetMs + " ms of frame " + i + " is out of order or range");
      }
    }
  }

  /**
   * True when {@code frame} can be frame {@code index} of a batch that starts with {@code first}.
   */
  public static boolean follows(AudioFrame first, int index, AudioFrame frame) {
    return frame.leg() == first.leg()
        && frame.callId().equals(first.callId())
        && frame.sequence() - first.sequence() == index
        && frame.mediaTimeMs() - first.mediaTimeMs() == (long) index * AudioFrame.FRAME_MILLIS;
  }

  @Override
  public String callId() {
    return frames.get(0).callId();
  }

  public Leg leg() {
    return frames.get(0).leg();
  }
}
