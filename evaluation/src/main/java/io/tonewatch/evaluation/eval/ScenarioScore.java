package io.tonewatch.evaluation.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of the calls of one scenario (the name prefix: {@code esc}, {@code hot}, ...).
 *
 * @param falseAlarms false alarms in those calls
 */
public record ScenarioScore(String scenario, int caught, int total, int falseAlarms) {

  public double recall() {
    return total == 0 ? Double.NaN : caught / (double) total;
  }

  /** One per scenario, sorted by name. */
  static List<ScenarioScore> of(List<CallScore> calls) {
    Map<String, int[]> sums = new TreeMap<>();
    for (CallScore call : calls) {
      int[] sum = sums.computeIfAbsent(call.scenario(), k -> new int[3]);
      sum[0] += call.caught();
      sum[1] += call.total();
      sum[2] += call.falseAlarms();
    }
    List<ScenarioScore> scores = new ArrayList<>();
    sums.forEach((name, sum) -> scores.add(new ScenarioScore(name, sum[0], sum[1], sum[2])));
    return scores;
  }
}
