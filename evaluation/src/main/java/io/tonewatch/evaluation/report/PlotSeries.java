package io.tonewatch.evaluation.report;

import io.tonewatch.processor.engine.FeatureFrame;
import java.util.Arrays;
import java.util.List;

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
  private static final double LEVEL_FLOOR_DBFS = -90;

  static PlotSeries of(List<FeatureFrame> frames) {
    int stride = Math.max(1, (frames.size() + MAX_POINTS - 1) / MAX_POINTS);
    int n = (frames.size() + stride - 1) / stride;
    double[] t = new double[n];
    double[] level = new double[n];
    double[] tilt = new double[n];
    double[] score = new double[n];
    int voiced = 0;
    for (FeatureFrame f : frames) {
      voiced += f.f0Hz() > 0 ? 1 : 0;
    }
    double[] vt = new double[voiced];
    double[] vf = new double[voiced];
    double[] vh = new double[voiced];
    int v = 0;
    for (int i = 0; i < frames.size(); i++) {
      FeatureFrame f = frames.get(i);
      if (f.f0Hz() > 0) {
        vt[v] = f.timeS();
        vh[v] = f.hammarbergDb();
        vf[v++] = f.f0Hz();
      }
      if (i % stride == 0) {
        int k = i / stride;
        t[k] = f.timeS();
        level[k] =
            Double.isFinite(f.levelDbfs())
                ? Math.max(LEVEL_FLOOR_DBFS, f.levelDbfs())
                : LEVEL_FLOOR_DBFS;
        // Tilt of silence is noise: leave gaps where there is no speech.
        tilt[k] = f.speech() && Double.isFinite(f.tiltDb()) ? f.tiltDb() : Double.NaN;
        score[k] = Double.isFinite(f.score()) ? Math.max(0, f.score()) : 0;
      }
    }
    return new PlotSeries(t, level, tilt, score, vt, vf, vh);
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
