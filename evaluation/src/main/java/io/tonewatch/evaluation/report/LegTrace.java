package io.tonewatch.evaluation.report;

import io.tonewatch.processor.engine.FeatureFrame;
import java.util.Arrays;

/**
 * One leg's features as a plot needs them, in bounded memory: every frame up to {@link #CAPACITY},
 * then every second one, every fourth one and so on as the call grows. Owned by the thread that
 * feeds the engine.
 */
final class LegTrace {

  /** Frames kept at full rate: about 22 minutes at 50 frames a second. */
  static final int CAPACITY = 1 << 16;

  final Series frames = new Series(4);
  final Series voiced = new Series(3);

  void add(FeatureFrame f) {
    // Tilt of silence is noise: leave gaps where there is no speech.
    frames.add(
        f.timeS(),
        Double.isFinite(f.levelDbfs())
            ? Math.max(PlotSeries.LEVEL_FLOOR_DBFS, f.levelDbfs())
            : PlotSeries.LEVEL_FLOOR_DBFS,
        f.speech() && Double.isFinite(f.tiltDb()) ? f.tiltDb() : Double.NaN,
        Double.isFinite(f.score()) ? Math.max(0, f.score()) : 0);
    if (f.f0Hz() > 0) {
      voiced.add(f.timeS(), f.f0Hz(), f.hammarbergDb(), 0);
    }
  }

  /** Columns of values thinned by a power-of-two stride whenever they would overflow. */
  static final class Series {
    private final double[][] columns;
    private int size;
    private long offered;
    private long stride = 1;

    private Series(int columnCount) {
      columns = new double[columnCount][16];
    }

    private void add(double a, double b, double c, double d) {
      if (offered++ % stride != 0) {
        return;
      }
      if (size == CAPACITY) {
        for (double[] column : columns) {
          for (int i = 0; i < size / 2; i++) {
            column[i] = column[2 * i];
          }
        }
        size /= 2;
        stride *= 2;
        if ((offered - 1) % stride != 0) {
          return;
        }
      }
      if (size == columns[0].length) {
        for (int k = 0; k < columns.length; k++) {
          columns[k] = Arrays.copyOf(columns[k], Math.min(CAPACITY, 2 * size));
        }
      }
      double[] values = {a, b, c, d};
      for (int k = 0; k < columns.length; k++) {
        columns[k][size] = values[k];
      }
      size++;
    }

    int size() {
      return size;
    }

    /** The kept values of one column, thinned further to every {@code step}-th. */
    double[] column(int index, int step) {
      double[] out = new double[(size + step - 1) / step];
      for (int i = 0; i < out.length; i++) {
        out[i] = columns[index][i * step];
      }
      return out;
    }
  }
}
