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
 * <p>Only the lags asked for are computed (each about 200 multiply-adds) and cached for the current
 * window, so a few candidate peaks cost far less than the full curve. Not thread-safe; allocates
 * nothing after construction.
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
    if (cachedStamp[lagSamples] == stamp) {
      return cachedValue[lagSamples];
    }
    int span = windowSize - lagSamples;
    float[] x = smoothed;
    // Four partial sums let the JIT pipeline the multiply-adds.
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < span; i += 4) {
      s0 += x[i] * x[i + lagSamples];
      s1 += x[i + 1] * x[i + 1 + lagSamples];
      s2 += x[i + 2] * x[i + 2 + lagSamples];
      s3 += x[i + 3] * x[i + 3 + lagSamples];
    }
    for (; i < span; i++) {
      s0 += x[i] * x[i + lagSamples];
    }
    double head = energyPrefix[span];
    double tail = energyPrefix[windowSize] - energyPrefix[lagSamples];
    double energy = Math.sqrt(head * tail);
    float value = energy > 1e-12 ? (float) ((s0 + s1 + s2 + s3) / energy) : 0f;
    cachedValue[lagSamples] = value;
    cachedStamp[lagSamples] = stamp;
    return value;
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
