package io.tonewatch.media.call;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A recorded call ready for the engine: each leg's samples at 8 kHz, all legs the same length.
 *
 * @param name what to call the recording in reports, usually its file name
 * @param sourceRateHz the sample rate of the file before any resampling
 * @param layout which channel carried which leg
 * @param samplesByLeg 16-bit samples at {@link AudioFrame#SAMPLE_RATE_HZ} per leg
 */
public record CallAudio(
    String name, int sourceRateHz, LegLayout layout, Map<Leg, short[]> samplesByLeg) {

  public CallAudio {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layout, "layout");
    EnumMap<Leg, short[]> copy = new EnumMap<>(Leg.class);
    copy.putAll(samplesByLeg);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a call needs at least one leg");
    }
    int length = copy.values().iterator().next().length;
    for (short[] samples : copy.values()) {
      if (samples.length != length) {
        throw new IllegalArgumentException("all legs must have the same number of samples");
      }
    }
    samplesByLeg = Collections.unmodifiableMap(copy);
  }

  public int sampleCount() {
    return samplesByLeg.values().iterator().next().length;
  }

  public double durationS() {
    return sampleCount() / (double) AudioFrame.SAMPLE_RATE_HZ;
  }

  /** Frames per leg, the last one padded with silence. */
  public int frameCount() {
    return (sampleCount() + AudioFrame.SAMPLES - 1) / AudioFrame.SAMPLES;
  }
}
