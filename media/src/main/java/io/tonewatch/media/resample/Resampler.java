package io.tonewatch.media.resample;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc, evaluated as a polyphase filter.
 *
 * <p>The filter passes up to 85 % of the lower of the two Nyquist frequencies and rejects by 80 dB
 * from that Nyquist frequency up, so taking 16, 44.1 or 48 kHz speech to 8 kHz folds nothing back
 * into the telephone band (300-3400 Hz passes). Output sample {@code n} sits at input time {@code n
 * * fromHz / toHz}. For the reduced ratio {@code up/down} there are {@code up} distinct filter
 * phases; they are tabulated once, so each output sample costs one dot product (about 130 taps from
 * 16 kHz, 370 from 44.1 kHz). Ratios needing more than {@value #MAX_PHASES} phases (rates with no
 * large common factor) round the phase to the nearest 1/{@value #MAX_PHASES} of an input sample, a
 * timing error of under 0.00013 samples. Samples beyond either end count as silence. See J. O.
 * Smith, "Digital Audio Resampling Home Page", CCRMA, and Kaiser's window design formulas in
 * Oppenheim and Schafer, Discrete-Time Signal Processing, section 7.5.3.
 */
public final class Resampler {

  private static final double STOPBAND_ATTENUATION_DB = 80;

  /**
   * The passband ends at this fraction of the lower Nyquist frequency; the stopband starts at it.
   */
  private static final double PASSBAND_FRACTION = 0.85;

  private static final int MAX_PHASES = 4096;

  private Resampler() {}

  /**
   * Resamples 16-bit audio from {@code fromHz} to {@code toHz}, returning {@code round(in.length *
   * toHz / fromHz)} samples clamped to 16 bits; equal rates return a copy.
   */
  public static short[] resample(short[] in, int fromHz, int toHz) {
    if (fromHz <= 0 || toHz <= 0) {
      throw new IllegalArgumentException(
          "sample rates must be positive, were fromHz=" + fromHz + " toHz=" + toHz);
    }
    if (fromHz == toHz) {
      return in.clone();
    }
    long outLength = (in.length * (long) toHz + fromHz / 2) / fromHz;
    if (outLength > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          in.length + " samples at " + fromHz + " Hz make too many at " + toHz + " Hz");
    }
    int common = gcd(fromHz, toHz);
    int up = toHz / common;
    int down = fromHz / common;
    Kernel kernel = Kernel.design(fromHz, toHz, Math.min(up, MAX_PHASES));

    short[] out = new short[(int) outLength];
    int width = kernel.width;
    int phases = kernel.phases;
    double[] taps = kernel.taps;
    for (int n = 0; n < out.length; n++) {
      long position = (long) n * down; // in units of 1/up input samples
      long whole = position / up;
      long fraction = position % up;
      int phase;
      if (phases == up) {
        phase = (int) fraction;
      } else {
        phase = (int) ((fraction * phases + up / 2) / up);
        if (phase == phases) {
          phase = 0;
          whole++;
        }
      }
      long first = whole - kernel.halfWidth + 1;
      int tap = phase * width;
      double sum = 0;
      if (first >= 0 && first + width <= in.length) {
        int at = (int) first;
        for (int k = 0; k < width; k++) {
          sum += taps[tap + k] * in[at + k];
        }
      } else {
        // Near either end: the taps that fall outside the input see silence.
        int from = (int) Math.max(0, -first);
        int to = (int) Math.min(width, in.length - first);
        for (int k = from; k < to; k++) {
          sum += taps[tap + k] * in[(int) first + k];
        }
      }
      out[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
    }
    return out;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  /** The low-pass filter, tabulated at {@code phases} fractional offsets of an input sample. */
  private static final class Kernel {

    final int phases;
    final int halfWidth;
    final int width;

    /** {@code taps[phase * width + k]} weighs input sample {@code first + k}. */
    final double[] taps;

    private Kernel(int phases, int halfWidth, double[] taps) {
      this.phases = phases;
      this.halfWidth = halfWidth;
      this.width = 2 * halfWidth;
      this.taps = taps;
    }

    static Kernel design(int fromHz, int toHz, int phases) {
      double nyquistHz = Math.min(fromHz, toHz) / 2.0;
      double passHz = PASSBAND_FRACTION * nyquistHz;
      // Frequencies below are in cycles per input sample.
      double cutoff = (passHz + nyquistHz) / 2 / fromHz;
      double transition = (nyquistHz - passHz) / fromHz;
      // Kaiser's estimates of the window's length and shape for the wanted rejection.
      int length = (int) Math.ceil((STOPBAND_ATTENUATION_DB - 7.95) / (14.36 * transition)) + 1;
      double beta = 0.1102 * (STOPBAND_ATTENUATION_DB - 8.7);
      int halfWidth = (length + 1) / 2;
      int width = 2 * halfWidth;
      double windowNorm = besselI0(beta);

      double[] taps = new double[phases * width];
      for (int phase = 0; phase < phases; phase++) {
        double offset = phase / (double) phases;
        double sum = 0;
        for (int k = 0; k < width; k++) {
          double distance = offset + halfWidth - 1 - k; // output time minus input sample time
          double x = distance / halfWidth;
          double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - x * x))) / windowNorm;
          double tap = 2 * cutoff * sinc(2 * cutoff * distance) * window;
          taps[phase * width + k] = tap;
          sum += tap;
        }
        // Unit gain at DC in every phase, so that no phase modulates the level.
        for (int k = 0; k < width; k++) {
          taps[phase * width + k] /= sum;
        }
      }
      return new Kernel(phases, halfWidth, taps);
    }

    private static double sinc(double x) {
      return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
      double sum = 1;
      double term = 1;
      double halfX = x / 2;
      for (int k = 1; term > 1e-12 * sum; k++) {
        term *= (halfX / k) * (halfX / k);
        sum += term;
      }
      return sum;
    }
  }
}
