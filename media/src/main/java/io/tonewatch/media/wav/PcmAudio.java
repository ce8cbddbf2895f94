package io.tonewatch.media.wav;

import java.util.Arrays;
import java.util.Objects;

/**
 * Linear 16-bit audio held in memory, one array per channel.
 *
 * <p>The arrays are shared, not copied: an hour of stereo audio is hundreds of megabytes, so
 * callers own them and must not change them while others read.
 *
 * @param sampleRateHz samples per second in each channel
 * @param channels one array of samples per channel, all of the same length
 */
public record PcmAudio(int sampleRateHz, short[][] channels) {

  public PcmAudio {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("sampleRateHz must be positive, was " + sampleRateHz);
    }
    Objects.requireNonNull(channels, "channels");
    if (channels.length == 0) {
      throw new IllegalArgumentException("audio needs at least one channel");
    }
    for (int i = 0; i < channels.length; i++) {
      Objects.requireNonNull(channels[i], "channel " + i);
      if (channels[i].length != channels[0].length) {
        throw new IllegalArgumentException(
            "channel "
                + i
                + " has "
                + channels[i].length
                + " samples but channel 0 has "
                + channels[0].length);
      }
    }
  }

  /** Mono audio from one array of samples. */
  public static PcmAudio mono(int sampleRateHz, short[] samples) {
    return new PcmAudio(sampleRateHz, new short[][] {samples});
  }

  public int channelCount() {
    return channels.length;
  }

  /** Samples per channel. */
  public int frameCount() {
    return channels[0].length;
  }

  public double durationS() {
    return frameCount() / (double) sampleRateHz;
  }

  /** The samples of one channel (the shared array, not a copy). */
  public short[] channel(int index) {
    Objects.checkIndex(index, channels.length);
    return channels[index];
  }

  // Records compare arrays by identity; audio is equal when its samples are.
  @Override
  public boolean equals(Object other) {
    return other instanceof PcmAudio that
        && sampleRateHz == that.sampleRateHz
        && Arrays.deepEquals(channels, that.channels);
  }

  @Override
  public int hashCode() {
    return 31 * sampleRateHz + Arrays.deepHashCode(channels);
  }

  @Override
  public String toString() {
    return "PcmAudio["
        + sampleRateHz
        + " Hz, "
        + channelCount()
        + (channelCount() == 1 ? " channel, " : " channels, ")
        + frameCount()
        + " frames]";
  }
}
