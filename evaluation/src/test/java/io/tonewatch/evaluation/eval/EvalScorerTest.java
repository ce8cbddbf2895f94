package io.tonewatch.evaluation.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalScorerTest {

  /** Labelled segments written as a call's CSV reads: {@code "customer 10-12 raised, ..."}. */
  private static List<LabelledSegment> segs(String text) {
    List<LabelledSegment> segments = new ArrayList<>();
    for (String item : text.split(",\\s*")) {
      String[] parts = item.strip().split(" ");
      String[] span = parts[1].split("-");
      segments.add(
          new LabelledSegment(
              Double.parseDouble(span[0]), Double.parseDouble(span[1]), parts[0], parts[2]));
    }
    return segments;
  }

  private static ScoredEpisode ep(String leg, double openS, double closeS) {
    return new ScoredEpisode(leg, openS, closeS);
  }

  @Test
  void catchesARaisedSegmentWhenAnEpisodeIsOpenUpToOneSecondAfterIt() {
    EvalScorer scorer = new EvalScorer();
    CallScore score =
        scorer.add(
            "esc_x",
            segs("customer 0-10 calm, customer 10-12 raised, customer 20-22 raised"),
            // opens 0.9 s after the first raised segment ends: caught, latency 2.9 s;
            // the second opens 1.1 s after its end: missed
            List.of(ep("customer", 12.9, 14), ep("customer", 23.1, 24)));
    assertEquals(1, score.caught());
    assertEquals(2, score.total());
    assertEquals(1, score.latenciesS().size());
    assertEquals(2.9, score.latenciesS().get(0), 1e-9);
  }

  @Test
  void measuresLatencyOnlyForTheFirstSegmentOfARaisedRun() {
    EvalScorer scorer = new EvalScorer();
    CallScore score =
        scorer.add(
            "mono_x",
            segs(
                "customer 0-5 calm, customer 5-7 raised, customer 7.5-9.5 raised, "
                    + "customer 10-12 calm, customer 12.5-14.5 raised"),
            // -0.25 s: opened just before the run (allowed down to -0.5 s)
            List.of(ep("customer", 4.75, 10), ep("customer", 13, Double.POSITIVE_INFINITY)));
    assertEquals(3, score.caught());
    assertEquals(List.of(-0.25, 0.5), score.latenciesS());
    assertEquals(0, score.falseAlarms());
  }

  @Test
  void countsAnOpeningMoreThanTwoSecondsFromEveryRaisedSegmentAsAFalseAlarm() {
    EvalScorer scorer = new EvalScorer();
    CallScore score =
        scorer.add(
            "calm_x",
            segs("agent 0-10 calm, agent 10-30 calm, agent 31-33 raised, customer 0-60 calm"),
            // agent 5.0: far from raised -> FA, in calm seg [0,10]; agent 29.5: within 2 s of 31 ->
            // not FA; customer 40: FA (customer has no raised segments)
            List.of(ep("agent", 5, 6), ep("agent", 29.5, 34), ep("customer", 40, 41)));
    assertEquals(2, score.falseAlarms());
    assertEquals(3, score.calmSegs());
    // [0,10] agent is far from raised: hit; [10,30] agent is near the raised one; customer hit
    assertEquals(2, score.calmSegsWithFa());
    assertEquals(90.0, score.calmS());
    assertEquals(2 / 1.5, score.faPerCalmMin(), 1e-12);
  }

  @Test
  void summarisesLikeScorePyWithMedianAndP90AsSortedIndexes() {
    EvalScorer scorer = new EvalScorer();
    scorer.add(
        "esc_a",
        segs(
            "customer 0-60 calm, customer 60-62 raised, "
                + "customer 62-70 calm, customer 70-72 raised"),
        List.of(ep("customer", 60.4, 63), ep("customer", 70.1, 73)));
    scorer.add(
        "hot_b",
        segs(
            "customer 0-2 raised, customer 2-10 calm, customer 10-12 raised, "
                + "customer 12-20 calm, customer 20-22 raised, agent 30-90 calm"),
        List.of(ep("customer", 0.3, 3), ep("customer", 10.2, 13), ep("agent", 50, 51)));
    EvalSummary summary = scorer.summary();
    // caught 4 of 5; one false alarm (agent at 50 s) in 144 s of calm = 2.4 min;
    // latencies 0.4, 0.1, 0.3, 0.2 sorted: median = sorted[2] = 0.3, p90 = sorted[3] = 0.4
    assertEquals(
        "recall=0.800 fa_per_calm_min=0.417 calm_segs_with_fa=1/5 median_latency_s=0.30"
            + " p90_latency_s=0.40",
        ScoreReport.summaryLine(summary));
    assertEquals(
        "by_scenario: esc:recall=1.000,fa=0 hot:recall=0.667,fa=1",
        ScoreReport.byScenarioLine(summary));
    assertEquals(
        "hot_b: caught=2/3 false_alarms=1 episodes=3", ScoreReport.callLine(scorer.calls().get(1)));
  }

  @Test
  void printsNanForFiguresWithoutData() {
    EvalScorer scorer = new EvalScorer();
    scorer.add("calm_x", segs("customer 0-30 calm"), List.of());
    assertEquals(
        "recall=nan fa_per_calm_min=0.000 calm_segs_with_fa=0/1 median_latency_s=nan"
            + " p90_latency_s=nan",
        ScoreReport.summaryLine(scorer.summary()));
  }

  @Test
  void countsMusicAsCalmTimeAsScorePyDoes() {
    EvalScorer scorer = new EvalScorer();
    CallScore score =
        scorer.add("calm_x", segs("agent 0-8 music, agent 8-12 calm"), List.of(ep("agent", 3, 5)));
    assertEquals(12.0, score.calmS());
    assertEquals(1, score.calmSegsWithFa());
    assertEquals(1, score.falseAlarms());
  }
}
