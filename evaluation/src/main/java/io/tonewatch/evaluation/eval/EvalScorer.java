package io.tonewatch.evaluation.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line-by-line port of {@code ../shared/eval/score.py}: feed calls in name order, then read the
 * totals. Running sums are kept exactly as score.py keeps them (one float over all calls), so the
 * printed figures agree to the last digit. Not thread-safe.
 */
public final class EvalScorer {

  private static final List<String> LEGS = List.of("customer", "agent");
  private static final double CATCH_AFTER_S = 1.0;
  private static final double LATENCY_BEFORE_S = 0.5;
  private static final double NEAR_RAISED_S = 2.0;
  private static final double CALM_OPEN_AFTER_S = 0.5;

  private final List<CallScore> calls = new ArrayList<>();
  private final List<Double> latenciesS = new ArrayList<>();
  private double calmS;
  private int calmHit;
  private int calmN;

  /** Scores one call and adds it to the totals. */
  public CallScore add(String name, List<LabelledSegment> segments, List<ScoredEpisode> episodes) {
    int caught = 0;
    int total = 0;
    int falseAlarms = 0;
    int callCalmHit = 0;
    int callCalmN = 0;
    double callCalmS = 0;
    List<Double> callLatencies = new ArrayList<>();
    for (String leg : LEGS) {
      List<LabelledSegment> ls =
          segments.stream()
              .filter(s -> s.leg().equals(leg))
              .sorted(Comparator.comparingDouble(LabelledSegment::startS))
              .toList();
      List<ScoredEpisode> le = episodes.stream().filter(e -> e.leg().equals(leg)).toList();
      List<LabelledSegment> raised = ls.stream().filter(LabelledSegment::raised).toList();
      boolean prevRaised = false;
      for (LabelledSegment s : ls) {
        if (s.raised()) {
          total++;
          if (le.stream()
              .anyMatch(e -> e.openS() <= s.endS() + CATCH_AFTER_S && e.closeS() >= s.startS())) {
            caught++;
          }
          if (!prevRaised) {
            le.stream()
                .mapToDouble(ScoredEpisode::openS)
                .filter(t -> s.startS() - LATENCY_BEFORE_S <= t && t <= s.endS() + CATCH_AFTER_S)
                .min()
                .ifPresent(t -> callLatencies.add(t - s.startS()));
          }
          prevRaised = true;
        } else {
          prevRaised = false;
          double durationS = s.endS() - s.startS();
          calmS += durationS;
          callCalmS += durationS;
          callCalmN++;
          boolean near =
              raised.stream()
                  .anyMatch(
                      r ->
                          r.startS() - NEAR_RAISED_S <= s.endS()
                              && s.startS() <= r.endS() + NEAR_RAISED_S);
          if (!near
              && le.stream()
                  .anyMatch(
                      e -> s.startS() <= e.openS() && e.openS() <= s.endS() + CALM_OPEN_AFTER_S)) {
            callCalmHit++;
          }
        }
      }
      for (ScoredEpisode e : le) {
        if (raised.stream()
            .noneMatch(
                r ->
                    r.startS() - NEAR_RAISED_S <= e.openS()
                        && e.openS() <= r.endS() + NEAR_RAISED_S)) {
          falseAlarms++;
        }
      }
    }
    calmHit += callCalmHit;
    calmN += callCalmN;
    latenciesS.addAll(callLatencies);
    CallScore score =
        new CallScore(
            name,
            caught,
            total,
            falseAlarms,
            episodes.size(),
            callCalmS,
            callCalmHit,
            callCalmN,
            callLatencies);
    calls.add(score);
    return score;
  }

  public List<CallScore> calls() {
    return List.copyOf(calls);
  }

  /** The overall figures of every call added so far. */
  public EvalSummary summary() {
    int caught = 0;
    int total = 0;
    int falseAlarms = 0;
    for (CallScore call : calls) {
      caught += call.caught();
      total += call.total();
      falseAlarms += call.falseAlarms();
    }
    return new EvalSummary(
        caught,
        total,
        falseAlarms,
        calmS,
        calmHit,
        calmN,
        Latencies.median(latenciesS),
        Latencies.p90(latenciesS),
        ScenarioScore.of(calls));
  }
}
