package io.tonewatch.alerting.board;

import io.tonewatch.alerting.view.HistoryEntry;
import io.tonewatch.alerting.view.LegMeter;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.Leg;
import io.tonewatch.events.LegSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the board knows of one call: its registration, meters, score over time, alerts and timeline
 * (the last {@link #MAX_TIMELINE} entries). Guarded by the {@link Board}'s lock.
 */
final class BoardCall {
  static final int MAX_TIMELINE = 200;

  /** Metadata keys shown in their own columns rather than with the rest. */
  static final Set<String> OWN_KEYS = Set.of("team", "queue", "agentId", "callerMasked");

  final String callId;
  String team;
  String queue;
  String agentId;
  String callerMasked;
  String callerHash;

  /** True once the call's start record has been folded in. */
  boolean registered;

  Instant startedAt;
  Instant endedAt;
  Instant lastActivity;
  final Map<String, String> metadata = new TreeMap<>();
  final Map<Leg, LegMeter> meters = new EnumMap<>(Leg.class);
  final Map<Leg, ScoreSeries> series = new EnumMap<>(Leg.class);
  final Map<String, BoardAlert> alerts = new LinkedHashMap<>();
  final Deque<HistoryEntry> timeline = new ArrayDeque<>();

  BoardCall(String callId, Instant firstSeen) {
    this.callId = callId;
    this.startedAt = firstSeen;
    this.lastActivity = firstSeen;
  }

  void register(CallRecord record) {
    Map<String, String> m = record.metadata();
    team = blankToNull(m.get("team"));
    queue = blankToNull(m.get("queue"));
    agentId = blankToNull(m.get("agentId"));
    callerMasked = blankToNull(m.get("callerMasked"));
    callerHash = blankToNull(m.get("callerHash"));
    metadata.clear();
    m.forEach(
        (key, value) -> {
          // The caller's number never reaches the board, in whatever key a platform sent it.
          if (!OWN_KEYS.contains(key) && !key.startsWith("caller")) {
            metadata.put(key, value);
          }
        });
    startedAt = record.time();
    registered = true;
  }

  void summary(LegSummary s) {
    meters.put(
        s.leg(), new LegMeter(s.leg(), s.levelDbfs(), s.score(), s.raised(), s.wallClockTime()));
    double atSeconds = Math.max(0, Duration.between(startedAt, s.wallClockTime()).toMillis() / 1e3);
    series.computeIfAbsent(s.leg(), leg -> new ScoreSeries()).add(atSeconds, s.score());
    touch(s.wallClockTime());
  }

  void touch(Instant at) {
    if (at.isAfter(lastActivity)) {
      lastActivity = at;
    }
  }

  void log(HistoryEntry entry) {
    if (timeline.size() == MAX_TIMELINE) {
      timeline.removeFirst();
    }
    timeline.addLast(entry);
  }

  boolean live() {
    return endedAt == null;
  }

  /** The highest ladder step among the open alerts; null when calm. */
  LadderStep step() {
    LadderStep highest = null;
    for (BoardAlert alert : alerts.values()) {
      if (!alert.resolved && alert.step != null) {
        if (highest == null || alert.step.compareTo(highest) > 0) {
          highest = alert.step;
        }
      }
    }
    return highest;
  }

  /** The highest ladder step any alert of the call ever reached; null when none did. */
  LadderStep highestStepEver() {
    LadderStep highest = null;
    for (BoardAlert alert : alerts.values()) {
      if (alert.step != null && (highest == null || alert.step.compareTo(highest) > 0)) {
        highest = alert.step;
      }
    }
    return highest;
  }

  Map<String, String> shownMetadata() {
    Map<String, String> shown = new LinkedHashMap<>(metadata);
    return shown;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
