package io.tonewatch.ingest.codec;

/**
 * Halves a 16 kHz signal to 8 kHz through a linear-phase low-pass FIR: a Kaiser-windowed sinc of
 * {@value #TAPS} taps cut at 3.7 kHz (passband to 3.4 kHz, stopband from 4 kHz at about 70 dB
 * down), so that the 4-8 kHz band does not fold back into the telephone band. Only every second
 * output is computed. Delay: {@code (TAPS - 1) / 2} input samples (3.6 ms). Mutable, owned by one
 * decoder.
 */
final class Decimator {
  static final int TAPS = 115;
  private static final double CUTOFF_HZ = 3700;
  private static final double RATE_HZ = 16000;
  private static final double KAISER_BETA = 6.76; // 0.1102 * (70 - 8.7), for 70 dB
  private static final float[] COEFFS = design();

  private final float[] history = new float[2 * TAPS]; // each sample twice: a contiguous window
  private int head;
  private boolean odd;

  /**
   * Filters {@code count} (even) 16 kHz samples and writes {@code count / 2} 8 kHz samples to
   * {@code out[outOffset..]}.
   */
  void decimate(short[] in, int offset, int count, short[] out, int outOffset) {
    int written = outOffset;
    for (int i = 0; i < count; i++) {
      float x = in[offset + i];
      history[head] = x;
      history[head + TAPS] = x;
      head = head + 1 == TAPS ? 0 : head + 1;
      odd = !odd;
      if (!odd) {
        continue; // keep one sample in two
      }
      float sum = 0;
      for (int k = 0; k < TAPS; k++) {
        sum += COEFFS[k] * history[head + k];
      }
      out[written++] = (short) Math.max(-32768, Math.min(32767, Math.round(sum)));
    }
  }

  void reset() {
    java.util.Arrays.fill(history, 0f);
    head = 0;
    odd = false;
  }

  private static float[] design() {
    double[] h = new double[TAPS];
    double center = (TAPS - 1) / 2.0;
    double fc = CUTOFF_HZ / RATE_HZ;
    double sum = 0;
    for (int n = 0; n < TAPS; n++) {
      double t = n - center;
      double sinc = t == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
      double r = t / center;
      h[n] = sinc * besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / besselI0(KAISER_BETA);
      sum += h[n];
    }
    float[] taps = new float[TAPS];
    for (int n = 0; n < TAPS; n++) {
      taps[n] = (float) (h[n] / sum); // unity gain at DC
    }
    return taps;
  }

  /** Modified Bessel function of the first kind, order 0, by its power series. */
  private static double besselI0(double x) {
    double term = 1;
    double sum = 1;
    for (int k = 1; k < 50; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
    }
    return sum;
  }
}
