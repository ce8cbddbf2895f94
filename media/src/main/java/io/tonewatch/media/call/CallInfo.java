package io.tonewatch.media.call;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a report says about a recorded call apart from its samples.
 *
 * @param name what to call the recording in reports, usually its file name
 * @param sourceRateHz the sample rate of the file before any resampling
 * @param layout which channel carried which leg
 * @param sampleCount samples per leg at {@link AudioFrame#SAMPLE_RATE_HZ}
 */
public record CallInfo(String name, int sourceRateHz, LegLayout layout, long sampleCount) {

  public CallInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layout, "layout");
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sampleCount must not be negative, was " + sampleCount);
    }
  }

  /** The legs in enum order: customer first. */
  public Set<Leg> legs() {
    return EnumSet.copyOf(layout.legsByChannel());
  }

  public double durationS() {
    return sampleCount / (double) AudioFrame.SAMPLE_RATE_HZ;
  }
}
