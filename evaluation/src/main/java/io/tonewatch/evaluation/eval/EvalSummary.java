package io.tonewatch.evaluation.eval;

import java.util.List;

/**
 * The overall figures of an evaluation run, as score.py's last two lines give them.
 *
 * @param calmS seconds of calm segments over all calls
 * @param medianLatencyS NaN when no raised run was caught
 */
public record EvalSummary(
    int caught,
    int total,
    int falseAlarms,
    double calmS,
    int calmSegsWithFa,
    int calmSegs,
    double medianLatencyS,
    double p90LatencyS,
    List<ScenarioScore> scenarios) {

  public EvalSummary {
    scenarios = List.copyOf(scenarios);
  }

  public double recall() {
    return total == 0 ? Double.NaN : caught / (double) total;
  }

  /** score.py divides by zero when there is no calm speech; here that is NaN. */
  public double faPerCalmMin() {
    return calmS > 0 ? falseAlarms / (calmS / 60) : Double.NaN;
  }
}
