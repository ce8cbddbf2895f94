package io.tonewatch.processor.engine.features;

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
 * <p>The differences are computed {@link #CHUNK_LAGS} lags at a time by {@link LaggedSums}, in SIMD
 * code, each lag's four partial sums over the same samples in the same order as one lag at a time,
 * so every difference is bit for bit the same; the lags past the dip in the last chunk cost less
 * than computing lags one by one would. Not thread-safe; allocates nothing after construction.
 */
final class YinProposer {
  /**
   * Lags per chunk: a 200 Hz voice dips by lag 40, a 100 Hz one by 80, and a longer chunk runs its
   * SIMD loop longer for the same start-up cost.
   */
  static final int CHUNK_LAGS = 48;

  private final float[] difference;

  /** Squared differences per lag, filled a chunk ahead as the search needs them. */
  private final float[] squared;

  private final double threshold;
  private final LaggedSums sums;

  /** For windows of {@code windowSize} samples; lags up to half of it are examined. */
  YinProposer(int windowSize, double threshold) {
    this.difference = new float[windowSize / 2];
    this.squared = new float[windowSize / 2];
    this.threshold = threshold;
    this.sums = new LaggedSums(windowSize);
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
   * Fills {@link #squared} from {@code lag} on, a chunk of lags at once. Returns the last filled.
   */
  private int computeFrom(float[] window, int lag, int half) {
    int toLag = Math.min(half, lag + CHUNK_LAGS);
    sums.squaredDifferences(window, half, lag, toLag, squared);
    return toLag - 1;
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
