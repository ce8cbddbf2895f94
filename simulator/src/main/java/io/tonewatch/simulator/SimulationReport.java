package io.tonewatch.simulator;

import io.tonewatch.events.Leg;
import java.io.PrintWriter;
import java.util.Locale;

/** The summary {@code tonewatch simulate} prints at the end of a run. */
public final class SimulationReport {

  private SimulationReport() {}

  /**
   * @param unit what one send is: {@code RTP packets}, {@code media messages}, {@code frames}
   * @param impaired whether impairments were asked for (RTP only)
   * @param elapsedNanos wall time of the whole run
   * @param completed false when the run was stopped early
   */
  public static void print(
      PrintWriter out,
      SimulationStats stats,
      Pacing pacing,
      String unit,
      boolean impaired,
      long elapsedNanos,
      boolean completed) {
    out.printf(
        Locale.ROOT,
        "calls          %d started, %d played to the end%s%n",
        stats.callsStarted(),
        stats.callsCompleted(),
        completed ? "" : " (stopped early)");
    out.printf(
        Locale.ROOT,
        "sent           %d %s (customer %d, agent %d)%n",
        stats.packets(),
        unit,
        stats.packets(Leg.CUSTOMER),
        stats.packets(Leg.AGENT));
    if (impaired) {
      out.printf(
          Locale.ROOT,
          "by design      %d lost, %d reordered, %d duplicated%n",
          stats.lost(),
          stats.reordered(),
          stats.duplicated());
    }
    if (stats.sendErrors() > 0) {
      out.printf(Locale.ROOT, "send errors    %d%n", stats.sendErrors());
    }
    double spanS = stats.sendSpanNanos() / 1e9;
    out.printf(
        Locale.ROOT,
        "send rate      %.1f %s/s overall, %.2f frames/s per leg (target %.2f)%n",
        spanS > 0 ? stats.packets() / spanS : 0.0,
        unit,
        stats.framesPerSecondPerLeg(),
        pacing.packetsPerSecondPerLeg());
    out.printf(
        Locale.ROOT,
        "late sends     %d of %d frame deadlines slipped > %d ms (worst %.1f ms)%n",
        stats.lateSends(),
        stats.frames(),
        pacing.lateThresholdNanos() / 1_000_000,
        stats.maxLatenessNanos() / 1e6);
    if (stats.closeFailures() > 0) {
      out.printf(
          Locale.ROOT,
          "not ended      %d calls could not be ended cleanly%n",
          stats.closeFailures());
    }
    out.printf(Locale.ROOT, "elapsed        %.1f s%n", elapsedNanos / 1e9);
    out.flush();
  }
}
