package io.tonewatch.evaluation.report;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.CallAnalyzer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The default output of {@code analyze}: a header, one aligned line per alert event and a summary,
 * for a person reading a terminal.
 */
public final class Timeline {

  private static final String CALL = "call";

  private Timeline() {}

  public static void print(CallAnalysis analysis, PrintWriter out) {
    double durationS = analysis.audio().durationS();
    out.println("call      " + analysis.callId() + "  (" + analysis.audio().name() + ")");
    out.println(
        "duration  "
            + clock(Math.round(durationS * 1000))
            + "  legs: "
            + analysis.audio().layout().describe());
    out.println("engine    " + CallAnalyzer.ENGINE_VERSION);
    out.println();
    List<AlertEvent> events = analysis.events();
    if (events.isEmpty()) {
      out.println("no alerts");
    } else {
      for (AlertEvent event : events) {
        out.println(line(event));
      }
    }
    out.println();
    printSummary(analysis, Episode.fromEvents(events, durationS), out);
  }

  /** One event: {@code 00:41.84 customer raised_voice opened raised f0 +6.1 st ...}. */
  public static String line(AlertEvent event) {
    String leg = event.leg() == null ? CALL : event.leg().wireName();
    return String.format(
            Locale.ROOT,
            "%-9s %-9s %-18s %-8s %-9s %s",
            clock(event.mediaTimeMs()),
            leg,
            event.kind().wireName(),
            event.state().wireName(),
            event.severity().wireName(),
            evidence(event.kind(), event.evidence()))
        .stripTrailing();
  }

  static String evidence(AlertKind kind, Evidence e) {
    if (kind == AlertKind.OVERTALK) {
      return String.format(Locale.ROOT, "overlap %.1f s", e.overlapSeconds());
    }
    if (e.f0DeltaSemitones() == 0
        && e.levelDeltaDb() == 0
        && e.tiltDeltaDb() == 0
        && e.score() == 0) {
      return ""; // call-level kinds carry no acoustic deltas of their own
    }
    return "f0 "
        + signed(e.f0DeltaSemitones())
        + " st  level "
        + signed(e.levelDeltaDb())
        + " dB  tilt "
        + signed(e.tiltDeltaDb())
        + " dB  hammarberg "
        + signed(-e.hammarbergDropDb())
        + " dB  score "
        + String.format(Locale.ROOT, "%.2f", e.score());
  }

  /** One decimal with a sign, never "-0.0". */
  private static String signed(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return String.format(Locale.ROOT, "%+.1f", rounded == 0 ? 0.0 : rounded);
  }

  private static void printSummary(CallAnalysis analysis, List<Episode> episodes, PrintWriter out) {
    out.println("summary");
    for (Leg leg : analysis.audio().samplesByLeg().keySet()) {
      out.println(summaryLine(leg.wireName(), AlertKind.RAISED_VOICE, leg, episodes));
    }
    for (AlertKind kind : AlertKind.values()) {
      if (!kind.perLeg() && episodes.stream().anyMatch(e -> e.kind() == kind)) {
        out.println(summaryLine(CALL, kind, null, episodes));
      }
    }
  }

  private static String summaryLine(String who, AlertKind kind, Leg leg, List<Episode> episodes) {
    int count = 0;
    double totalS = 0;
    for (Episode episode : episodes) {
      if (episode.kind() == kind && episode.leg() == leg) {
        count++;
        totalS += episode.durationS();
      }
    }
    return String.format(
        Locale.ROOT,
        "  %-9s %-18s %2d %-8s %6.1f s",
        who,
        kind.wireName(),
        count,
        count == 1 ? "episode" : "episodes",
        totalS);
  }

  /** Media time as {@code mm:ss.cc}, or {@code h:mm:ss.cc} from one hour on. */
  public static String clock(long mediaTimeMs) {
    long centis = Math.round(mediaTimeMs / 10.0);
    long hours = centis / 360_000;
    long minutes = centis / 6000 % 60;
    long seconds = centis / 100 % 60;
    long rest = centis % 100;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d.%02d", hours, minutes, seconds, rest)
        : String.format(Locale.ROOT, "%02d:%02d.%02d", minutes, seconds, rest);
  }
}
