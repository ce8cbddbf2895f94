package io.tonewatch.ingest.testing;

import io.tonewatch.events.audio.AudioFrame;
import java.util.List;

/** Test signals at 8 kHz and the SNR of a received copy against them. */
public final class Signals {
  private Signals() {}

  /** {@code samples} of a sine of {@code hz} at {@code amplitude}, plus a little of its third. */
  public static short[] tone(double hz, int amplitude, int samples) {
    short[] out = new short[samples];
    for (int i = 0; i < samples; i++) {
      double t = i / (double) AudioFrame.SAMPLE_RATE_HZ;
      double v = Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(2 * Math.PI * 3 * hz * t);
      out[i] = (short) Math.round(amplitude * v / 1.3);
    }
    return out;
  }

  /** The frames' samples, one after the other. */
  public static short[] concat(List<AudioFrame> frames) {
    short[] out = new short[frames.size() * AudioFrame.SAMPLES];
    for (int i = 0; i < frames.size(); i++) {
      System.arraycopy(frames.get(i).samples(), 0, out, i * AudioFrame.SAMPLES, AudioFrame.SAMPLES);
    }
    return out;
  }

  /** Signal-to-noise ratio of {@code received[0..n)} against {@code source[0..n)}, in dB. */
  public static double snrDb(short[] source, short[] received, int n) {
    double signal = 0;
    double noise = 0;
    for (int i = 0; i < n; i++) {
      signal += (double) source[i] * source[i];
      double e = source[i] - received[i];
      noise += e * e;
    }
    return 10 * Math.log10(signal / Math.max(noise, 1e-9));
  }
}
