package io.tonewatch.events.audio;

import io.tonewatch.events.Leg;
import java.util.Objects;

/**
 * One repaired 20 ms frame of one leg: {@link #SAMPLES} signed 16-bit samples at 8 kHz.
 *
 * @param callId the call
 * @param leg the leg the audio belongs to
 * @param sequence frame index within the leg, from 0, one per 20 ms of media
 * @param mediaTimeMs media time of the frame's first sample from the start of the leg, in ms
 * @param concealed true when the receiver filled in lost audio: detectors must not learn from it
 * @param samples exactly {@link #SAMPLES} samples; the record keeps the array it is given
 */
public record AudioFrame(
    String callId, Leg leg, long sequence, long mediaTimeMs, boolean concealed, short[] samples)
    implements AudioMessage {

  public static final int SAMPLE_RATE_HZ = 8000;
  public static final int FRAME_MILLIS = 20;
  public static final int SAMPLES = SAMPLE_RATE_HZ * FRAME_MILLIS / 1000;

  public AudioFrame {
    CallIds.require(callId);
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(samples, "samples");
    if (samples.length != SAMPLES) {
      throw new IllegalArgumentException(
          "a frame holds " + SAMPLES + " samples, was " + samples.length);
    }
    if (sequence < 0 || mediaTimeMs < 0) {
      throw new IllegalArgumentException(
          "sequence and mediaTimeMs must be >= 0, were " + sequence + " and " + mediaTimeMs);
    }
  }
}
