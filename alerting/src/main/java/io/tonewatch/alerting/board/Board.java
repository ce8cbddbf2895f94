package io.tonewatch.alerting.board;

import io.tonewatch.alerting.BoundedMap;
import io.tonewatch.alerting.view.HistoryEntry;
import io.tonewatch.alerting.view.HistoryFilter;
import io.tonewatch.alerting.view.LiveCall;
import io.tonewatch.alerting.view.OpenAlert;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.ViewChange;
import io.tonewatch.alerting.view.Viewer;
import io.tonewatch.events.Action;
import io.tonewatch.events.ActionOutcome;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.CallState;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.LegSummary;
import io.tonewatch.events.Notification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The console's read model. The service's loop thread folds records in; console threads read
 * snapshots filtered by viewer. Every fold is idempotent (records read twice after a restart or
 * written by the desk and read back count once). Bounded: at most {@code maxCalls} calls (ended
 * calls are forgotten first, then the longest idle), each with a bounded timeline. Subscribers hear
 * of every change after the lock is let go and must not block. Thread-safe.
 */
public final class Board {
  private static final int MAX_SEEN_IDS = 50_000;

  private final int maxCalls;
  private final Clock clock;
  private final Function<String, Optional<String>> repeatNotes;
  private final Map<String, BoardCall> calls = new HashMap<>();
  private final Map<String, Boolean> seenIds = new BoundedMap<>(MAX_SEEN_IDS);
  private final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param repeatNotes from a caller's keyed hash to a note that the caller escalated recently
   */
  public Board(int maxCalls, Clock clock, Function<String, Optional<String>> repeatNotes) {
    if (maxCalls < 1) {
      throw new IllegalArgumentException("maxCalls must be >= 1, was " + maxCalls);
    }
    this.maxCalls = maxCalls;
    this.clock = clock;
    this.repeatNotes = repeatNotes;
  }

  public void onCall(CallRecord record) {
    ViewChange change;
    synchronized (this) {
      BoardCall call = call(record.callId(), record.time());
      if (record.state() == CallState.STARTED) {
        boolean first = !call.registered;
        call.register(record);
        if (first) {
          call.log(entry(call, record.time(), "call started", "system", ""));
        }
      } else if (call.endedAt == null) {
        call.endedAt = record.time();
        call.log(entry(call, record.time(), "call ended", "system", reason(record)));
      }
      call.touch(record.time());
      change = new ViewChange("call", call.callId, call.team);
    }
    tell(change);
  }

  public void onAlert(AlertEvent event) {
    ViewChange change;
    synchronized (this) {
      BoardCall call = call(event.callId(), event.wallClockTime());
      BoardAlert alert = call.alerts.get(event.alertId());
      Instant now = clock.instant();
      if (alert == null) {
        alert = new BoardAlert(event);
        call.alerts.put(event.alertId(), alert);
        call.log(
            entry(
                call,
                event.wallClockTime(),
                "alert raised",
                "system",
                event.kind().wireName() + ", " + alert.words(now)));
      }
      if (alert.apply(event)) {
        call.log(entry(call, event.wallClockTime(), "voice calmed", "system", alert.words(now)));
      }
      call.touch(event.wallClockTime());
      change = new ViewChange("alert", call.callId, call.team);
    }
    tell(change);
  }

  public void onSummary(LegSummary summary) {
    ViewChange change;
    synchronized (this) {
      BoardCall call = call(summary.callId(), summary.wallClockTime());
      call.summary(summary);
      change = new ViewChange("meter", call.callId, call.team);
    }
    tell(change);
  }

  /** Folds in one action; an action already seen changes nothing. */
  public void onAction(Action action) {
    ViewChange change;
    synchronized (this) {
      if (seenIds.put("action:" + action.actionId(), Boolean.TRUE) != null) {
        return;
      }
      BoardCall call = call(action.callId(), action.time());
      BoardAlert alert = action.alertId() == null ? null : call.alerts.get(action.alertId());
      boolean effective = action.outcome() != ActionOutcome.FAILED;
      if (alert != null && effective) {
        if (action.type().acknowledges() && alert.acknowledgedBy == null) {
          alert.acknowledgedBy = action.actor();
        }
        alert.resolved |= action.type().resolves();
      }
      call.log(
          entry(
              call,
              action.time(),
              ActionWords.what(action),
              action.actor(),
              action.detail() == null ? "" : action.detail()));
      change = new ViewChange("history", call.callId, call.team);
    }
    tell(change);
  }

  public void onNotification(Notification n) {
    ViewChange change;
    synchronized (this) {
      if (seenIds.put("notification:" + n.notificationId(), Boolean.TRUE) != null) {
        return;
      }
      BoardCall call = call(n.callId(), n.time());
      BoardAlert alert = call.alerts.get(n.alertId());
      if (alert != null) {
        alert.reached(n.step());
      }
      String what = "told the " + n.recipient().name().toLowerCase(Locale.ROOT);
      call.log(entry(call, n.time(), what, "system", n.message()));
      change = new ViewChange("alert", call.callId, call.team);
    }
    tell(change);
  }

  /** Calls {@code listener} on every change until the handle is closed. */
  public AutoCloseable subscribe(Consumer<ViewChange> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public synchronized List<LiveCall> calls(Viewer viewer) {
    List<LiveCall> out = new ArrayList<>();
    for (BoardCall c : calls.values()) {
      if (c.live() && viewer.covers(c.team) && agentMay(viewer, c)) {
        LadderStep step = c.step();
        String repeat = c.callerHash == null ? null : repeatNotes.apply(c.callerHash).orElse(null);
        out.add(
            new LiveCall(
                c.callId,
                c.team,
                c.queue,
                c.agentId,
                c.callerMasked,
                c.startedAt,
                step == null ? null : step.wireName(),
                repeat,
                c.meters,
                c.shownMetadata()));
      }
    }
    out.sort(Comparator.comparing(LiveCall::startedAt).reversed());
    return out;
  }

  public synchronized List<OpenAlert> openAlerts(Viewer viewer) {
    Instant now = clock.instant();
    List<OpenAlert> out = new ArrayList<>();
    for (BoardCall c : calls.values()) {
      if (!viewer.covers(c.team) || !agentMay(viewer, c)) {
        continue;
      }
      for (BoardAlert a : c.alerts.values()) {
        if (!a.resolved) {
          out.add(
              new OpenAlert(
                  a.alertId,
                  c.callId,
                  c.team,
                  a.leg == null ? null : a.leg.wireName(),
                  a.kind.wireName(),
                  a.severity.wireName(),
                  a.step == null ? null : a.step.wireName(),
                  a.openedAt,
                  a.words(now),
                  a.suggestions(),
                  a.acknowledgedBy));
        }
      }
    }
    out.sort(Comparator.comparing(OpenAlert::openedAt));
    return out;
  }

  public synchronized List<HistoryEntry> history(Viewer viewer, HistoryFilter filter) {
    List<HistoryEntry> out = new ArrayList<>();
    for (BoardCall c : calls.values()) {
      if (!viewer.covers(c.team) || !agentMay(viewer, c)) {
        continue;
      }
      if (filter.callId() != null && !filter.callId().equals(c.callId)) {
        continue;
      }
      if (filter.team() != null && !filter.team().equals(c.team)) {
        continue;
      }
      for (HistoryEntry e : c.timeline) {
        if ((filter.what() == null || e.what().equals(filter.what()))
            && (filter.from() == null || !e.at().isBefore(filter.from()))
            && (filter.to() == null || e.at().isBefore(filter.to()))) {
          out.add(new HistoryEntry(e.at(), c.callId, c.team, e.what(), e.actor(), e.detail()));
        }
      }
    }
    out.sort(Comparator.comparing(HistoryEntry::at).reversed());
    return out.size() > filter.limit() ? List.copyOf(out.subList(0, filter.limit())) : out;
  }

  /** A copy of what the desk and the reports need of one call, if the viewer covers it. */
  public synchronized Optional<CallFacts> facts(Viewer viewer, String callId) {
    BoardCall c = calls.get(callId);
    if (c == null || !viewer.covers(c.team) || !agentMay(viewer, c)) {
      return Optional.empty();
    }
    return Optional.of(CallFacts.of(c));
  }

  /** Calls known, live or ended. */
  public synchronized int size() {
    return calls.size();
  }

  /** An agent sees only the calls that name them as the agent. */
  private static boolean agentMay(Viewer viewer, BoardCall call) {
    return viewer.role() != Role.AGENT
        || (viewer.agentId() != null && viewer.agentId().equals(call.agentId));
  }

  private BoardCall call(String callId, Instant firstSeen) {
    BoardCall call = calls.get(callId);
    if (call == null) {
      if (calls.size() >= maxCalls) {
        forgetOne();
      }
      call = new BoardCall(callId, firstSeen);
      calls.put(callId, call);
    }
    return call;
  }

  /** Forgets the call that ended longest ago, or else the longest idle one. */
  private void forgetOne() {
    Comparator<BoardCall> order =
        Comparator.comparing((BoardCall c) -> c.live())
            .thenComparing(c -> c.live() ? c.lastActivity : c.endedAt);
    calls.values().stream().min(order).ifPresent(c -> calls.remove(c.callId));
  }

  private void tell(ViewChange change) {
    for (Consumer<ViewChange> listener : listeners) {
      listener.accept(change);
    }
  }

  private static HistoryEntry entry(
      BoardCall call, Instant at, String what, String actor, String detail) {
    return new HistoryEntry(at, call.callId, call.team, what, actor, detail);
  }

  private static String reason(CallRecord record) {
    return record.endReason() == null ? "" : record.endReason().replace('_', ' ');
  }
}
