package io.tonewatch.evaluation.eval;

import java.util.List;

/**
 * The figures of one call.
 *
 * @param caught raised segments during which an episode of their leg was open
 * @param total raised segments
 * @param falseAlarms episodes opening more than 2 s from every raised segment of their leg
 * @param episodes episodes of any leg read for the call (as score.py counts them)
 * @param calmS seconds of calm (non-raised) segments
 * @param calmSegsWithFa calm segments, far from raised ones, in which an episode opened
 * @param calmSegs calm segments
 * @param latenciesS opening minus start of the first segment of each caught raised run
 */
public record CallScore(
    String name,
    int caught,
    int total,
    int falseAlarms,
    int episodes,
    double calmS,
    int calmSegsWithFa,
    int calmSegs,
    List<Double> latenciesS) {

  public CallScore {
    latenciesS = List.copyOf(latenciesS);
  }

  public double recall() {
    return total == 0 ? Double.NaN : caught / (double) total;
  }

  public double faPerCalmMin() {
    return calmS > 0 ? falseAlarms / (calmS / 60) : Double.NaN;
  }

  public double medianLatencyS() {
    return Latencies.median(latenciesS);
  }

  public double p90LatencyS() {
    return Latencies.p90(latenciesS);
  }

  /** The scenario a call belongs to: its name up to the first underscore, as in score.py. */
  public String scenario() {
    int underscore = name.indexOf('_');
    return underscore < 0 ? name : name.substring(0, underscore);
  }
}
