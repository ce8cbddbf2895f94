package io.tonewatch.evaluation.report;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One alert episode rebuilt from its events, for summaries and plots.
 *
 * @param leg the leg, or null for call-level kinds
 * @param startS media time of {@code opened}
 * @param endS media time of {@code closed}, or the end of the call if it never closed
 * @param peak the highest severity any of its events carried
 */
public record Episode(
    String alertId, AlertKind kind, Leg leg, double startS, double endS, Severity peak) {

  public double durationS() {
    return endS - startS;
  }

  /** Pairs events by alert id, in order of opening; episodes still open end at {@code callEndS}. */
  public static List<Episode> fromEvents(List<AlertEvent> events, double callEndS) {
    Map<String, Pending> byId = new LinkedHashMap<>();
    for (AlertEvent event : events) {
      if (event.state() == AlertState.OPENED) {
        byId.putIfAbsent(event.alertId(), new Pending(event));
      }
      Pending pending = byId.get(event.alertId());
      if (pending == null) {
        continue; // updates or a close without an opening: nothing to anchor them to
      }
      if (event.severity().compareTo(pending.peak) > 0) {
        pending.peak = event.severity();
      }
      if (event.state() == AlertState.CLOSED && Double.isNaN(pending.endS)) {
        pending.endS = event.mediaTimeMs() / 1000.0;
      }
    }
    List<Episode> episodes = new ArrayList<>(byId.size());
    for (Pending p : byId.values()) {
      double startS = p.opened.mediaTimeMs() / 1000.0;
      double endS = Double.isNaN(p.endS) ? Math.max(callEndS, startS) : p.endS;
      episodes.add(
          new Episode(p.opened.alertId(), p.opened.kind(), p.opened.leg(), startS, endS, p.peak));
    }
    return episodes;
  }

  private static final class Pending {
    final AlertEvent opened;
    Severity peak;
    double endS = Double.NaN;

    Pending(AlertEvent opened) {
      this.opened = opened;
      this.peak = opened.severity();
    }
  }
}
