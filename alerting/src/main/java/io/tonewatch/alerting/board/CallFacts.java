package io.tonewatch.alerting.board;

import io.tonewatch.alerting.view.HistoryEntry;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.Leg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A copy of one call as the desk and the incident report need it, taken under the board's lock.
 *
 * @param metadata the registration metadata without the caller's hash (the platform's own ids,
 *     team, queue, agent, the masked caller)
 * @param alertIds every alert of the call
 * @param openAlertIds the alerts not yet resolved
 * @param highestStep the highest ladder step any alert reached; null when none
 * @param timeline the call's history, oldest first
 * @param scoreSeries per leg wire name, pairs of seconds-from-start and score
 * @param callerHash the caller number's keyed hash from ingest; null when unknown
 */
public record CallFacts(
    String callId,
    String team,
    String agentId,
    Instant startedAt,
    Instant endedAt,
    Map<String, String> metadata,
    Set<String> alertIds,
    Set<String> openAlertIds,
    LadderStep highestStep,
    List<HistoryEntry> timeline,
    Map<String, List<double[]>> scoreSeries,
    String callerHash) {

  static CallFacts of(BoardCall c) {
    Map<String, String> metadata = new TreeMap<>(c.metadata);
    put(metadata, "team", c.team);
    put(metadata, "queue", c.queue);
    put(metadata, "agentId", c.agentId);
    put(metadata, "callerMasked", c.callerMasked);
    Map<String, List<double[]>> series = new TreeMap<>();
    Map<Leg, ScoreSeries> bySeries = new EnumMap<>(c.series);
    bySeries.forEach((leg, s) -> series.put(leg.wireName(), s.points()));
    List<HistoryEntry> timeline = new ArrayList<>();
    for (HistoryEntry e : c.timeline) {
      timeline.add(new HistoryEntry(e.at(), c.callId, c.team, e.what(), e.actor(), e.detail()));
    }
    return new CallFacts(
        c.callId,
        c.team,
        c.agentId,
        c.startedAt,
        c.endedAt,
        metadata,
        Set.copyOf(c.alerts.keySet()),
        c.alerts.values().stream()
            .filter(a -> !a.resolved)
            .map(a -> a.alertId)
            .collect(Collectors.toUnmodifiableSet()),
        c.highestStepEver(),
        timeline,
        series,
        c.callerHash);
  }

  private static void put(Map<String, String> metadata, String key, String value) {
    if (value != null) {
      metadata.put(key, value);
    }
  }
}
