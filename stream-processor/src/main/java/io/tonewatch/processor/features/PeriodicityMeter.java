package io.tonewatch.processor.features;

import java.util.Arrays;

/**
 * Normalised autocorrelation of one analysis window at chosen lags: the correlation between the
 * window and itself shifted by the lag, over their overlap, divided by the energies of both parts.
 * 1 means exactly periodic at that lag, 0 unrelated; unlike YIN's cumulative-mean normalisation it
 * compares any two lags on the same scale, which is what an octave decision needs. Praat calls a
 * frame voiced on a similar measure.
 *
 * <p>The window is first smoothed with a [1 2 1]/4 kernel, which damps the top of the telephone
 * band. Without it the correlation peaks are so sharp that sampling them at whole lags misreads
 * their heights by up to 0.02 (a clean 180 Hz voice then looks more periodic at twice its period),
 * and the parabolic refinement of a peak is poor; pitch lives in the lower harmonics anyway.
 *
 * <p>Only the lags asked for, and mostly one neighbour of each, are computed (each about 200
 * multiply-adds) and cached for the current window, so a few candidate peaks cost far less than the
 * full curve. Not thread-safe; allocates nothing after construction.
 */
final class PeriodicityMeter {
  private final int windowSize;
  private final int minLagSamples;
  private final int maxLagSamples;

  /** energyPrefix[i] = sum of squares of the first i samples. */
  private final double[] energyPrefix;

  private final float[] cachedValue;
  private final int[] cachedStamp;
  private int stamp;
  private final float[] smoothed;

  private double peakLagSamples;
  private double peakValue;

  /** Peaks are searched between {@code minLagSamples} and {@code maxLagSamples} inclusive. */
  PeriodicityMeter(int windowSize, int minLagSamples, int maxLagSamples) {
    if (minLagSamples < 2 || maxLagSamples >= windowSize - 1 || minLagSamples > maxLagSamples) {
      throw new IllegalArgumentException(
          "lags " + minLagSamples + ".." + maxLagSamples + " do not fit a window of " + windowSize);
    }
    this.windowSize = windowSize;
    this.minLagSamples = minLagSamples;
    this.maxLagSamples = maxLagSamples;
    this.energyPrefix = new double[windowSize + 1];
    this.cachedValue = new float[windowSize];
    this.cachedStamp = new int[windowSize];
    this.smoothed = new float[windowSize];
  }

  /** Makes {@code window} (exactly {@code windowSize} samples; not kept) the one measured. */
  void load(float[] window) {
    // [1 2 1]/4 smoothing: see the class comment.
    int last = windowSize - 1;
    smoothed[0] = 0.75f * window[0] + 0.25f * window[1];
    for (int i = 1; i < last; i++) {
      smoothed[i] = 0.25f * window[i - 1] + 0.5f * window[i] + 0.25f * window[i + 1];
    }
    smoothed[last] = 0.75f * window[last] + 0.25f * window[last - 1];
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(cachedStamp, 0);
      stamp = 1;
    }
    double sum = 0;
    for (int i = 0; i < windowSize; i++) {
      sum += smoothed[i] * smoothed[i];
      energyPrefix[i + 1] = sum;
    }
  }

  /** Normalised autocorrelation at a whole lag (1 to windowSize - 1). */
  double at(int lagSamples) {
    if (cachedStamp[lagSamples] != stamp) {
      measure(lagSamples);
    }
    return cachedValue[lagSamples];
  }

  /**
   * Computes {@code lag} together with an uncached neighbour, the one a climb asks for next: a
   * climb starts with a lag and the one above it, then goes on up or down one lag at a time, and
   * ends with both neighbours of its peak. One pass over the window for two lags loads each sample
   * once for both and runs eight independent sums instead of four.
   */
  private void measure(int lag) {
    if (lag + 1 < windowSize && cachedStamp[lag + 1] != stamp) {
      measurePair(lag);
    } else if (lag > 1 && cachedStamp[lag - 1] != stamp) {
      measurePair(lag - 1);
    } else {
      store(lag, finishSum(lag, 0, 0, 0, 0, 0));
    }
  }

  /** Lags {@code lag} and {@code lag + 1} in one pass. */
  private void measurePair(int lag) {
    float[] x = smoothed;
    int shorterSpan = windowSize - lag - 1;
    float a0 = 0;
    float a1 = 0;
    float a2 = 0;
    float a3 = 0;
    float b0 = 0;
    float b1 = 0;
    float b2 = 0;
    float b3 = 0;
    int i = 0;
    for (; i + 3 < shorterSpan; i += 4) {
      float x0 = x[i];
      float x1 = x[i + 1];
      float x2 = x[i + 2];
      float x3 = x[i + 3];
      int j = i + lag;
      float y1 = x[j + 1];
      float y2 = x[j + 2];
      float y3 = x[j + 3];
      a0 += x0 * x[j];
      a1 += x1 * y1;
      a2 += x2 * y2;
      a3 += x3 * y3;
      b0 += x0 * y1;
      b1 += x1 * y2;
      b2 += x2 * y3;
      b3 += x3 * x[j + 4];
    }
    store(lag, finishSum(lag, i, a0, a1, a2, a3));
    store(lag + 1, finishSum(lag + 1, i, b0, b1, b2, b3));
  }

  /**
   * The correlation sum at {@code lag}, continued from sample {@code i} with its four partial sums:
   * blocks of four into them, then the remainder into the first. Whether started here from 0 or
   * from a pair's pass, each lag's additions happen in this one order, so its value does not depend
   * on which lags were computed with it.
   */
  private float finishSum(int lag, int i, float s0, float s1, float s2, float s3) {
    float[] x = smoothed;
    int span = windowSize - lag;
    for (; i + 3 < span; i += 4) {
      s0 += x[i] * x[i + lag];
      s1 += x[i + 1] * x[i + 1 + lag];
      s2 += x[i + 2] * x[i + 2 + lag];
      s3 += x[i + 3] * x[i + 3 + lag];
    }
    for (; i < span; i++) {
      s0 += x[i] * x[i + lag];
    }
    return s0 + s1 + s2 + s3;
  }

  private void store(int lag, float sum) {
    int span = windowSize - lag;
    double head = energyPrefix[span];
    double tail = energyPrefix[windowSize] - energyPrefix[lag];
    double energy = Math.sqrt(head * tail);
    cachedValue[lag] = energy > 1e-12 ? (float) (sum / energy) : 0f;
    cachedStamp[lag] = stamp;
  }

  /**
   * Climbs from the whole lag nearest {@code startLagSamples} to the local maximum of the
   * correlation within the search range, then refines it with a parabola through its neighbours.
   * Read the result with {@link #peakLagSamples()} and {@link #peakValue()}. Returns false when the
   * start lies outside the range.
   */
  boolean climbFrom(double startLagSamples) {
    int lag = (int) Math.round(startLagSamples);
    if (lag < minLagSamples || lag > maxLagSamples) {
      return false;
    }
    double here = at(lag);
    while (true) {
      if (lag < maxLagSamples && at(lag + 1) > here) {
        here = at(++lag);
      } else if (lag > minLagSamples && at(lag - 1) > here) {
        here = at(--lag);
      } else {
        break;
      }
    }
    double before = at(lag - 1);
    double after = at(lag + 1);
    double curvature = before - 2 * here + after;
    double offset = curvature < 0 ? 0.5 * (before - after) / curvature : 0;
    offset = Math.max(-1, Math.min(1, offset));
    peakLagSamples = lag + offset;
    peakValue = here - 0.25 * (before - after) * offset;
    return true;
  }

  double peakLagSamples() {
    return peakLagSamples;
  }

  double peakValue() {
    return peakValue;
  }
}
