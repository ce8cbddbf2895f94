package io.tonewatch.evaluation.report;

import java.util.Arrays;

/**
 * One leg's features as plot arrays, thinned to at most {@link #MAX_POINTS} frames (a 1400-pixel
 * panel shows no more), with axis ranges that ignore the odd outlier.
 */
record PlotSeries(
    double[] timeS,
    double[] levelDbfs,
    double[] speechTiltDb,
    double[] score,
    double[] voicedTimeS,
    double[] voicedF0Hz,
    double[] voicedHammarbergDb) {

  static final int MAX_POINTS = 8000;
  static final double LEVEL_FLOOR_DBFS = -90;

  static PlotSeries of(LegTrace trace) {
    LegTrace.Series frames = trace.frames;
    LegTrace.Series voiced = trace.voiced;
    int stride = Math.max(1, (frames.size() + MAX_POINTS - 1) / MAX_POINTS);
    return new PlotSeries(
        frames.column(0, stride),
        frames.column(1, stride),
        frames.column(2, stride),
        frames.column(3, stride),
        voiced.column(0, 1),
        voiced.column(1, 1),
        voiced.column(2, 1));
  }

  double pitchCeilingHz() {
    double p99 = percentile(voicedF0Hz, 0.99, 250);
    return Math.min(600, Math.max(300, Math.ceil(p99 * 1.15 / 50) * 50));
  }

  double levelFloorDbfs() {
    double low = percentile(levelDbfs, 0.02, -60);
    return Math.max(LEVEL_FLOOR_DBFS, Math.min(-30, Math.floor((low - 5) / 10) * 10));
  }

  double tiltMinDb() {
    return Math.floor((percentile(speechTiltDb, 0.01, -20) - 3) / 5) * 5;
  }

  double tiltMaxDb() {
    double max = Math.ceil((percentile(speechTiltDb, 0.99, 0) + 3) / 5) * 5;
    return Math.max(max, tiltMinDb() + 10);
  }

  /** The index on voiced frames only: the engine judges it there, and fricatives read anything. */
  double hammarbergMinDb() {
    return Math.floor((percentile(voicedHammarbergDb, 0.01, 0) - 3) / 5) * 5;
  }

  double hammarbergMaxDb() {
    double max = Math.ceil((percentile(voicedHammarbergDb, 0.99, 30) + 3) / 5) * 5;
    return Math.max(max, hammarbergMinDb() + 10);
  }

  double scoreCeiling() {
    double max = 0;
    for (double s : score) {
      max = Math.max(max, s);
    }
    return Math.max(2, Math.ceil(max * 1.1 * 2) / 2);
  }

  /** The q-quantile of the finite values, or {@code fallback} when there are none. */
  static double percentile(double[] values, double q, double fallback) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      return fallback;
    }
    return finite[(int) Math.min(finite.length - 1, Math.floor(q * finite.length))];
  }
}
