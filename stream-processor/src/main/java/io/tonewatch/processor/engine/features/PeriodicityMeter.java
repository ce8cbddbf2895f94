package io.tonewatch.processor.engine.features;

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
 * <p>The correlations of every lag of the search range (and one each side, which the climbs read)
 * are computed together by {@link LaggedSums} the first time a climb asks for one in a window: in
 * SIMD code that costs less than the 40 or so lags a frame's climbs would read one pair at a time.
 * A window no climb reads (no candidate) costs nothing. Not thread-safe; allocates nothing after
 * construction.
 */
final class PeriodicityMeter {
  private final int windowSize;
  private final int minLagSamples;
  private final int maxLagSamples;

  /** energyPrefix[i] = sum of squares of the first i samples. */
  private final double[] energyPrefix;

  private final float[] value;
  private final LaggedSums sums;
  private final float[] smoothed;
  private float[] window;
  private boolean measured;

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
    this.value = new float[windowSize];
    this.sums = new LaggedSums(windowSize);
    this.smoothed = new float[windowSize];
  }

  /**
   * Makes {@code window} (exactly {@code windowSize} samples) the one measured. It is read when the
   * first lag is asked for, so it must not change until the next load.
   */
  void load(float[] window) {
    this.window = window;
    measured = false;
  }

  /** Normalised autocorrelation at a whole lag, from minLagSamples - 1 to maxLagSamples + 1. */
  double at(int lagSamples) {
    if (!measured) {
      measure();
    }
    float v = value[lagSamples];
    return Float.isNaN(v) ? normalise(lagSamples) : v;
  }

  /** Divides a lag's sum by the energies of both parts, once per window: a climb reads about 40. */
  private float normalise(int lag) {
    int span = windowSize - lag;
    double head = energyPrefix[span];
    double tail = energyPrefix[windowSize] - energyPrefix[lag];
    double energy = Math.sqrt(head * tail);
    float v = energy > 1e-12 ? (float) (sums.product(smoothed, lag) / energy) : 0f;
    value[lag] = v;
    return v;
  }

  private void measure() {
    // [1 2 1]/4 smoothing: see the class comment.
    int last = windowSize - 1;
    smoothed[0] = 0.75f * window[0] + 0.25f * window[1];
    for (int i = 1; i < last; i++) {
      smoothed[i] = 0.25f * window[i - 1] + 0.5f * window[i] + 0.25f * window[i + 1];
    }
    smoothed[last] = 0.75f * window[last] + 0.25f * window[last - 1];
    double running = 0;
    for (int i = 0; i < windowSize; i++) {
      running += smoothed[i] * smoothed[i];
      energyPrefix[i + 1] = running;
    }
    int fromLag = minLagSamples - 1;
    int toLag = maxLagSamples + 1;
    sums.products(smoothed, fromLag, toLag);
    // NaN: not normalised yet (a normalised value never is NaN).
    Arrays.fill(value, fromLag, toLag + 1, Float.NaN);
    measured = true;
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
