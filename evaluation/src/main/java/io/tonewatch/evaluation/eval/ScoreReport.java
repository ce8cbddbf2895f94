package io.tonewatch.evaluation.eval;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints evaluation figures: a per-call table for people, then score.py's own lines, character for
 * character, so the two can be compared with diff.
 */
public final class ScoreReport {

  private ScoreReport() {}

  public static void print(List<CallScore> calls, EvalSummary summary, PrintWriter out) {
    out.println(
        String.format(
            Locale.ROOT,
            "%-16s %7s %6s %6s %11s %10s %10s %8s",
            "call",
            "caught",
            "recall",
            "FA",
            "fa/calm-min",
            "calm-FA",
            "lat-median",
            "lat-p90"));
    for (CallScore call : calls) {
      out.println(tableRow(call));
    }
    out.println();
    out.println("# as ../shared/eval/score.py prints them:");
    for (CallScore call : calls) {
      out.println(callLine(call));
    }
    out.println(byScenarioLine(summary));
    out.println(summaryLine(summary));
  }

  static String tableRow(CallScore c) {
    return String.format(
        Locale.ROOT,
        "%-16s %7s %6s %6d %11s %10s %10s %8s",
        c.name(),
        c.caught() + "/" + c.total(),
        PyFormat.fixed(c.recall(), 3),
        c.falseAlarms(),
        PyFormat.fixed(c.faPerCalmMin(), 3),
        c.calmSegsWithFa() + "/" + c.calmSegs(),
        PyFormat.fixed(c.medianLatencyS(), 2),
        PyFormat.fixed(c.p90LatencyS(), 2));
  }

  /** {@code NAME: caught=C/T false_alarms=F episodes=E}, as score.py prints per call. */
  public static String callLine(CallScore c) {
    return c.name()
        + ": caught="
        + c.caught()
        + "/"
        + c.total()
        + " false_alarms="
        + c.falseAlarms()
        + " episodes="
        + c.episodes();
  }

  /** {@code by_scenario: esc:recall=0.920,fa=8 hot:...}. */
  public static String byScenarioLine(EvalSummary s) {
    return "by_scenario: "
        + s.scenarios().stream()
            .map(
                v ->
                    v.scenario()
                        + ":recall="
                        + PyFormat.fixed(v.recall(), 3)
                        + ",fa="
                        + v.falseAlarms())
            .collect(Collectors.joining(" "));
  }

  /**
   * {@code recall=R fa_per_calm_min=F calm_segs_with_fa=K/N median_latency_s=L p90_latency_s=P}.
   */
  public static String summaryLine(EvalSummary s) {
    return "recall="
        + PyFormat.fixed(s.recall(), 3)
        + " fa_per_calm_min="
        + PyFormat.fixed(s.faPerCalmMin(), 3)
        + " calm_segs_with_fa="
        + s.calmSegsWithFa()
        + "/"
        + s.calmSegs()
        + " median_latency_s="
        + PyFormat.fixed(s.medianLatencyS(), 2)
        + " p90_latency_s="
        + PyFormat.fixed(s.p90LatencyS(), 2);
  }
}
