package io.tonewatch.alerting.board;

import java.util.ArrayList;
import java.util.List;

/**
 * One leg's score over a call, for the incident report's picture: at most one point per spacing,
 * and at most {@link #MAX_POINTS} points; when full, every other point goes and the spacing
 * doubles, so a call of any length keeps its whole shape in bounded memory.
 */
final class ScoreSeries {
  static final int MAX_POINTS = 600;

  private final double[] seconds = new double[MAX_POINTS];
  private final double[] scores = new double[MAX_POINTS];
  private int size;
  private double spacingSeconds = 1.0;

  /** Adds the score at {@code atSeconds} from the call's start; keeps the span's highest. */
  void add(double atSeconds, double score) {
    if (size > 0 && atSeconds < seconds[size - 1] + spacingSeconds) {
      scores[size - 1] = Math.max(scores[size - 1], score);
      return;
    }
    if (size == MAX_POINTS) {
      halve();
    }
    seconds[size] = atSeconds;
    scores[size] = score;
    size++;
  }

  private void halve() {
    int kept = 0;
    for (int i = 0; i + 1 < size; i += 2) {
      seconds[kept] = seconds[i];
      scores[kept] = Math.max(scores[i], scores[i + 1]);
      kept++;
    }
    size = kept;
    spacingSeconds *= 2;
  }

  /** The points as pairs of seconds and score. */
  List<double[]> points() {
    List<double[]> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new double[] {seconds[i], scores[i]});
    }
    return out;
  }
}
