package io.tonewatch.processor.features;

/**
 * The period YIN proposes for one window (de Cheveigné and Kawahara, 2002, steps 2 to 5): the
 * squared difference of the first half of the window with itself shifted by each lag, normalised by
 * its cumulative mean, the first dip under a threshold followed to its minimum and refined with a
 * parabola. Same steps and threshold semantics as TarsosDSP 2.4's {@code Yin}, which this replaces
 * because it computes the difference at every lag of the half window (16,000 multiply-adds), about
 * half the engine's cost. Step 4 needs nothing past the first dip's minimum, so the lags are
 * computed in order and the search stops there: a 200 Hz voice needs about 40 of the 127 lags. The
 * result is the same as the full computation up to float rounding (four partial sums per lag).
 *
 * <p>The differences are computed four lags per pass over the window: each sample is loaded once
 * for the four lags, and sixteen independent sums keep the floating-point units busy where four
 * left them waiting on the previous addition. Each lag keeps its own four partial sums over the
 * same samples in the same order, so every difference is bit for bit what one lag per pass gave; at
 * most three lags past the dip are computed for nothing. Not thread-safe; allocates nothing after
 * construction.
 */
final class YinProposer {
  private final float[] difference;

  /** Squared differences per lag, filled four lags ahead as the search needs them. */
  private final float[] squared;

  private final double threshold;

  /** For windows of {@code windowSize} samples; lags up to half of it are examined. */
  YinProposer(int windowSize, double threshold) {
    this.difference = new float[windowSize / 2];
    this.squared = new float[windowSize / 2];
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
    int computed = 0;
    for (int lag = 1; lag < half; lag++) {
      if (lag > computed) {
        computed = computeFrom(window, lag, half);
      }
      float sum = squared[lag];
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

  /**
   * Fills {@link #squared} from {@code lag}: four lags when they fit, else one. Returns the last
   * lag filled.
   */
  private int computeFrom(float[] window, int lag, int count) {
    if (lag + 3 >= squared.length) {
      squared[lag] = squaredDifference(window, lag, count);
      return lag;
    }
    // a, b, c, e: the four partial sums of lags lag to lag + 3, as in squaredDifference.
    float a0 = 0;
    float a1 = 0;
    float a2 = 0;
    float a3 = 0;
    float b0 = 0;
    float b1 = 0;
    float b2 = 0;
    float b3 = 0;
    float c0 = 0;
    float c1 = 0;
    float c2 = 0;
    float c3 = 0;
    float e0 = 0;
    float e1 = 0;
    float e2 = 0;
    float e3 = 0;
    int i = 0;
    for (; i + 3 < count; i += 4) {
      float x0 = window[i];
      float x1 = window[i + 1];
      float x2 = window[i + 2];
      float x3 = window[i + 3];
      int j = i + lag;
      float y0 = window[j];
      float y1 = window[j + 1];
      float y2 = window[j + 2];
      float y3 = window[j + 3];
      float y4 = window[j + 4];
      float y5 = window[j + 5];
      float y6 = window[j + 6];
      float d = x0 - y0;
      a0 += d * d;
      d = x1 - y1;
      a1 += d * d;
      d = x2 - y2;
      a2 += d * d;
      d = x3 - y3;
      a3 += d * d;
      d = x0 - y1;
      b0 += d * d;
      d = x1 - y2;
      b1 += d * d;
      d = x2 - y3;
      b2 += d * d;
      d = x3 - y4;
      b3 += d * d;
      d = x0 - y2;
      c0 += d * d;
      d = x1 - y3;
      c1 += d * d;
      d = x2 - y4;
      c2 += d * d;
      d = x3 - y5;
      c3 += d * d;
      d = x0 - y3;
      e0 += d * d;
      d = x1 - y4;
      e1 += d * d;
      d = x2 - y5;
      e2 += d * d;
      d = x3 - y6;
      e3 += d * d;
    }
    for (; i < count; i++) {
      float x = window[i];
      int j = i + lag;
      float d = x - window[j];
      a0 += d * d;
      d = x - window[j + 1];
      b0 += d * d;
      d = x - window[j + 2];
      c0 += d * d;
      d = x - window[j + 3];
      e0 += d * d;
    }
    squared[lag] = (a0 + a1) + (a2 + a3);
    squared[lag + 1] = (b0 + b1) + (b2 + b3);
    squared[lag + 2] = (c0 + c1) + (c2 + c3);
    squared[lag + 3] = (e0 + e1) + (e2 + e3);
    return lag + 3;
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
