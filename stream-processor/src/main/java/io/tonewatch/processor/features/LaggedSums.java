package io.tonewatch.processor.features;

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
      copyShifted(w, s, fromLag, toLag + 11);
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
   * {@code out[lag]} = sum over the overlap, i below windowSize - lag, of w[i] * w[i + lag], for
   * lags {@code fromLag} to {@code toLag} inclusive: four partial sums over the whole blocks of
   * four, the remaining samples into the first, combined as s0 + s1 + s2 + s3.
   */
  void products(float[] w, int fromLag, int toLag, float[] out) {
    clear(fromLag, toLag + 1);
    int lastBlock = windowSize - 4;
    for (int s = 0; s <= lastBlock - fromLag; s += GROUP_SAMPLES) {
      // All four blocks of the group lie inside the overlap up to this lag.
      int common = Math.min(toLag, lastBlock - s - 12);
      if (common >= fromLag) {
        copyShifted(w, s, fromLag, common + 12);
        for (int k = 0; k < 4; k++) {
          int b = s + k;
          productGroup(chain[k], w[b], w[b + 4], w[b + 8], w[b + 12], fromLag + k, common + k + 1);
        }
      }
      int top = Math.min(toLag, lastBlock - s);
      for (int lag = Math.max(fromLag, common + 1); lag <= top; lag++) {
        for (int i = s; i < s + GROUP_SAMPLES && i <= lastBlock - lag; i += 4) {
          chain[0][lag] += w[i] * w[i + lag];
          chain[1][lag + 1] += w[i + 1] * w[i + 1 + lag];
          chain[2][lag + 2] += w[i + 2] * w[i + 2 + lag];
          chain[3][lag + 3] += w[i + 3] * w[i + 3 + lag];
        }
      }
    }
    float[] c0 = chain[0];
    float[] c1 = chain[1];
    float[] c2 = chain[2];
    float[] c3 = chain[3];
    for (int lag = fromLag; lag <= toLag; lag++) {
      int span = windowSize - lag;
      float s0 = c0[lag];
      for (int i = span & ~3; i < span; i++) {
        s0 += w[i] * w[i + lag];
      }
      out[lag] = s0 + c1[lag + 1] + c2[lag + 2] + c3[lag + 3];
    }
  }

  private void productGroup(float[] sum, float x0, float x1, float x2, float x3, int from, int to) {
    float[] y = shifted;
    float[] z = shiftedNext;
    for (int m = from; m < to; m++) {
      sum[m] = sum[m] + x0 * y[m] + x1 * z[m] + x2 * y[m + 8] + x3 * z[m + 8];
    }
  }

  private void clear(int fromLag, int toLag) {
    for (int k = 0; k < 4; k++) {
      Arrays.fill(chain[k], fromLag + k, toLag + k, 0f);
    }
  }

  /**
   * shifted[m] = w[s + m] and shiftedNext[m] = w[s + 4 + m] for m from {@code from} below {@code
   * to}.
   */
  private void copyShifted(float[] w, int s, int from, int to) {
    System.arraycopy(w, s + from, shifted, from, Math.min(to, windowSize - s) - from);
    System.arraycopy(w, s + 4 + from, shiftedNext, from, Math.min(to, windowSize - s - 4) - from);
  }
}
