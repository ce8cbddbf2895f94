package io.tonewatch.processor.engine.features;

import java.util.Arrays;

/**
 * Sums of one window against itself shifted by each of a range of lags, all lags at once: YIN's
 * squared differences and the autocorrelation's products. Each lag keeps four partial sums (sample
 * i goes to sum i mod 4, in order) combined as the one-lag-at-a-time loops of {@link YinProposer}
 * and {@link PeriodicityMeter} did, so every sum is bit for bit the same.
 *
 * <p>Why this layout: a scalar loop does one multiply and one add per sample and lag, and Java 17's
 * C2 turns a loop into SIMD code only when all its array indices move together with the same offset
 * modulo the vector width. So the loops here run over lags, not samples: for a group of four blocks
 * of four samples, partial sum k of lag L lives at {@code chain[k][L + k]} and is updated with the
 * window copied shifted by the block ({@code shifted[L + k]}), one vector of lags per instruction.
 * Copying the window once per group costs far less than the sums. Not thread-safe; allocates
 * nothing after construction.
 */
final class LaggedSums {
  private static final int GROUP_SAMPLES = 16;

  private final int windowSize;
  private final float[][] chain = new float[4][];

  /** The window from the group's first block on, and from its second block on. */
  private final float[] shifted;

  private final float[] shiftedNext;

  LaggedSums(int windowSize) {
    this.windowSize = windowSize;
    for (int k = 0; k < 4; k++) {
      chain[k] = new float[windowSize + 4];
    }
    this.shifted = new float[windowSize + GROUP_SAMPLES];
    this.shiftedNext = new float[windowSize + GROUP_SAMPLES];
  }

  /**
   * {@code out[lag]} = sum over i below {@code count} (a multiple of 16) of (w[i] - w[i + lag])^2,
   * for lags {@code fromLag} to {@code toLag - 1}, with partial sums combined as (s0 + s1) + (s2 +
   * s3).
   */
  void squaredDifferences(float[] w, int count, int fromLag, int toLag, float[] out) {
    if (count % GROUP_SAMPLES != 0 || count + toLag > windowSize + 1) {
      throw new IllegalArgumentException("count " + count + " with lags to " + toLag);
    }
    clear(fromLag, toLag);
    for (int s = 0; s < count; s += GROUP_SAMPLES) {
      copyShifted(w, s, fromLag, toLag + 11, windowSize - 1);
      for (int k = 0; k < 4; k++) {
        int b = s + k;
        squaredDifferenceGroup(
            chain[k], w[b], w[b + 4], w[b + 8], w[b + 12], fromLag + k, toLag + k);
      }
    }
    float[] c0 = chain[0];
    float[] c1 = chain[1];
    float[] c2 = chain[2];
    float[] c3 = chain[3];
    for (int lag = fromLag; lag < toLag; lag++) {
      out[lag] = (c0[lag] + c1[lag + 1]) + (c2[lag + 2] + c3[lag + 3]);
    }
  }

  /** Four blocks of one partial sum, at lags from - k to to - k - 1 (m is lag + k). */
  private void squaredDifferenceGroup(
      float[] sum, float x0, float x1, float x2, float x3, int from, int to) {
    float[] y = shifted;
    float[] z = shiftedNext;
    for (int m = from; m < to; m++) {
      float a = sum[m];
      float d = x0 - y[m];
      a += d * d;
      d = x1 - z[m];
      a += d * d;
      d = x2 - y[m + 8];
      a += d * d;
      d = x3 - z[m + 8];
      a += d * d;
      sum[m] = a;
    }
  }

  /**
   * Prepares the sums over the overlap, i below windowSize - lag, of w[i] * w[i + lag], for lags
   * {@code fromLag} to {@code toLag} inclusive, read with {@link #product}: four partial sums over
   * the whole blocks of four, the remaining samples into the first, combined as s0 + s1 + s2 + s3.
   *
   * <p>Every group runs over the whole lag range, with the shifted copy zeroed where a block is not
   * wholly inside the overlap: sample i + k of a block belongs to partial sum k only while i + 3 is
   * inside, i.e. while its partner's index is at most windowSize - 4 + k. A zeroed partner adds a
   * zero, which leaves a sum unchanged (a sum that starts at +0 never becomes -0).
   */
  void products(float[] w, int fromLag, int toLag) {
    clear(fromLag, toLag + 1);
    int lastBlock = windowSize - 4;
    for (int s = 0; s <= lastBlock - fromLag; s += GROUP_SAMPLES) {
      int top = Math.min(toLag, lastBlock - s);
      int end = top + 12;
      copyShifted(w, s, fromLag, end, lastBlock);
      for (int k = 0; k < 4; k++) {
        if (k > 0) {
          restore(w, s, lastBlock + k, fromLag, end);
        }
        int b = s + k;
        productGroup(
            chain[k],
            sample(w, b),
            sample(w, b + 4),
            sample(w, b + 8),
            sample(w, b + 12),
            fromLag + k,
            top + k + 1);
      }
    }
  }

  /**
   * The product sum at {@code lag} (within the last {@link #products} range, same {@code w}): the
   * remaining samples into the first partial sum, then the four combined. Done per lag read, as a
   * climb reads about 40 of the range.
   */
  float product(float[] w, int lag) {
    int span = windowSize - lag;
    float s0 = chain[0][lag];
    for (int i = span & ~3; i < span; i++) {
      s0 += w[i] * w[i + lag];
    }
    return s0 + chain[1][lag + 1] + chain[2][lag + 2] + chain[3][lag + 3];
  }

  private void productGroup(float[] sum, float x0, float x1, float x2, float x3, int from, int to) {
    float[] y = shifted;
    float[] z = shiftedNext;
    for (int m = from; m < to; m++) {
      sum[m] = sum[m] + x0 * y[m] + x1 * z[m] + x2 * y[m + 8] + x3 * z[m + 8];
    }
  }

  private float sample(float[] w, int i) {
    return i < windowSize ? w[i] : 0f;
  }

  private void clear(int fromLag, int toLag) {
    for (int k = 0; k < 4; k++) {
      Arrays.fill(chain[k], fromLag + k, toLag + k, 0f);
    }
  }

  /**
   * shifted[m] = w[s + m] and shiftedNext[m] = w[s + 4 + m] for m from {@code from} below {@code
   * to}, where that index is at most {@code lastIndex}; 0 elsewhere.
   */
  private void copyShifted(float[] w, int s, int from, int to, int lastIndex) {
    copy(w, s, shifted, from, to, lastIndex);
    copy(w, s + 4, shiftedNext, from, to, lastIndex);
  }

  private static void copy(float[] w, int shift, float[] into, int from, int to, int lastIndex) {
    int copied = Math.max(from, Math.min(to, lastIndex + 1 - shift));
    System.arraycopy(w, shift + from, into, from, copied - from);
    Arrays.fill(into, copied, to, 0f);
  }

  /** Puts w[index] back into both shifted copies where they hold it, from {@code from} below to. */
  private void restore(float[] w, int s, int index, int from, int to) {
    int m = index - s;
    if (m >= from && m < to) {
      shifted[m] = w[index];
    }
    m -= 4;
    if (m >= from && m < to) {
      shiftedNext[m] = w[index];
    }
  }
}
