package io.tonewatch.processor.features;

/**
 * The period YIN proposes for one window (de Cheveigné and Kawahara, 2002, steps 2 to 5): the
 * squared difference of the first half of the window with itself shifted by each lag, normalised by
 * its cumulative mean, the first dip under a threshold followed to its minimum and refined with a
 * parabola. Same steps and threshold semantics as TarsosDSP 2.4's {@code Yin}, which this replaces
 * because it computes the difference at every lag of the half window (16,000 multiply-adds), about
 * half the engine's cost. Step 4 needs nothing past the first dip's minimum, so the lags are
 * computed in order and the search stops there: a 200 Hz voice needs about 40 of the 127 lags. The
 * result is the same as the full computation up to float rounding (four partial sums per lag). Not
 * thread-safe; allocates nothing after construction.
 */
final class YinProposer {
  private final float[] difference;
  private final double threshold;

  /** For windows of {@code windowSize} samples; lags up to half of it are examined. */
  YinProposer(int windowSize, double threshold) {
    this.difference = new float[windowSize / 2];
    this.threshold = threshold;
  }

  /**
   * The proposed period of {@code window} in samples (fractional), or -1 when no lag's normalised
   * difference dips under the threshold.
   */
  double lagSamples(float[] window) {
    int half = difference.length;
    difference[0] = 1;
    float runningSum = 0;
    int dip = -1;
    for (int lag = 1; lag < half; lag++) {
      float sum = squaredDifference(window, lag, half);
      // Step 3, cumulative mean normalised difference, as the lags go.
      runningSum += sum;
      difference[lag] = runningSum > 0 ? sum * lag / runningSum : 1;
      // Step 4: the first lag from 2 under the threshold, followed down to its local minimum.
      // Nothing after the minimum's right neighbour matters, so the longer lags, most of the
      // cost, are never computed for the usual voice.
      if (dip < 0) {
        if (lag >= 2 && difference[lag] < threshold) {
          dip = lag;
        }
      } else if (difference[lag] < difference[dip]) {
        dip = lag;
      } else {
        return refine(dip);
      }
    }
    return dip < 0 ? -1 : refine(dip);
  }

  private static float squaredDifference(float[] window, int lag, int count) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < count; i += 4) {
      float d0 = window[i] - window[i + lag];
      float d1 = window[i + 1] - window[i + 1 + lag];
      float d2 = window[i + 2] - window[i + 2 + lag];
      float d3 = window[i + 3] - window[i + 3 + lag];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < count; i++) {
      float d = window[i] - window[i + lag];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Step 5: parabolic interpolation through the dip and its neighbours. */
  private double refine(int lag) {
    if (lag + 1 >= difference.length) {
      return difference[lag] <= difference[lag - 1] ? lag : lag - 1;
    }
    float before = difference[lag - 1];
    float here = difference[lag];
    float after = difference[lag + 1];
    return lag + (after - before) / (2 * (2 * here - after - before));
  }
}
