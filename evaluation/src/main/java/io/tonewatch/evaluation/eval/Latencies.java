package io.tonewatch.evaluation.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** score.py's order statistics: median = sorted[n // 2], p90 = sorted[min(n - 1, int(0.9 n))]. */
final class Latencies {

  private Latencies() {}

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = sorted(values);
    return sorted.get(sorted.size() / 2);
  }

  static double p90(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = sorted(values);
    int n = sorted.size();
    return sorted.get(Math.min(n - 1, (int) (0.9 * n)));
  }

  private static List<Double> sorted(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }
}
