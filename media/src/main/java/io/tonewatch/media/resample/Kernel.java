package io.tonewatch.media.resample;

/** The low-pass filter, tabulated at {@code phases} fractional offsets of an input sample. */
final class Kernel {

  private static final double STOPBAND_ATTENUATION_DB = 80;

  /**
   * The passband ends at this fraction of the lower Nyquist frequency; the stopband starts at it.
   */
  private static final double PASSBAND_FRACTION = 0.85;

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
