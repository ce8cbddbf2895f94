package io.tonewatch.evaluation.bench;

import io.tonewatch.processor.engine.CallAnalyzer;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prints benchmark figures for people; never judges them. */
public final class BenchReport {

  private BenchReport() {}

  public static void printHeader(PrintWriter out, String source, int calls, double hours) {
    out.println(
        String.format(
            Locale.ROOT,
            "engine       %s on Java %s, %d cores",
            CallAnalyzer.ENGINE_VERSION,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors()));
    out.println(
        String.format(
            Locale.ROOT,
            "audio        %d %s from %s, repeated to %.2f h of two-leg audio",
            calls,
            calls == 1 ? "call" : "calls",
            source,
            hours));
  }

  /**
   * Lists every pass's CPU time and real-time factor when there are several, and returns the median
   * pass by CPU time (the upper median for an even count), which the summary then describes.
   */
  public static BenchResult printPasses(PrintWriter out, List<BenchResult> passes) {
    if (passes.isEmpty()) {
      throw new IllegalArgumentException("no passes to report");
    }
    List<BenchResult> byCpu =
        passes.stream().sorted(Comparator.comparingLong(BenchResult::cpuNs)).toList();
    BenchResult median = byCpu.get(byCpu.size() / 2);
    if (passes.size() > 1) {
      StringBuilder line = new StringBuilder("passes      ");
      for (BenchResult r : passes) {
        line.append(
            String.format(
                Locale.ROOT, " %.2f s (%.0fx)", r.cpuNs() / 1e9, r.realTimeFactorPerCore()));
      }
      out.println(line);
      out.println("             the figures below are the median pass's");
    }
    return median;
  }

  public static void printEngine(PrintWriter out, BenchResult r) {
    out.println(
        String.format(
            Locale.ROOT,
            "per frame    p50 %.1f us   p99 %.1f us   (20 ms of one leg; %d of %d frames timed)",
            r.p50FrameNs() / 1e3,
            r.p99FrameNs() / 1e3,
            r.timedFrames(),
            r.frames()));
    out.println(
        String.format(
            Locale.ROOT,
            "cpu time     %.2f s for %.0f leg-seconds (%d alert events)",
            r.cpuNs() / 1e9,
            r.legSeconds(),
            r.alerts()));
    double rtf = r.realTimeFactorPerCore();
    out.println(
        String.format(
            Locale.ROOT,
            "real time    %.1fx per core (leg-seconds per CPU second): one core keeps up with %d legs",
            rtf,
            (long) Math.floor(rtf)));
    double bytes = r.bytesPerFrame();
    out.println(
        Double.isNaN(bytes)
            ? "allocation   unknown (this JVM does not count allocated bytes per thread)"
            : String.format(
                Locale.ROOT, "allocation   %.1f bytes per frame over the measured pass", bytes));
  }

  public static void printAubio(PrintWriter out, double audioS, double cpuS, double ourRtf) {
    double rtf = cpuS > 0 ? audioS / cpuS : Double.POSITIVE_INFINITY;
    out.println(
        String.format(
            Locale.ROOT,
            "aubio        %s on %.2f h of the customer leg: %.2f s CPU, %.0fx real time"
                + " (tonewatch, whole engine: %.0fx)",
            AubioBench.COMMAND,
            audioS / 3600,
            cpuS,
            rtf,
            ourRtf));
  }
}
