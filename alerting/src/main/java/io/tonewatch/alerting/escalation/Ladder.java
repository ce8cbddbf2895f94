package io.tonewatch.alerting.escalation;

import io.tonewatch.events.Action;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.LegSummary;
import io.tonewatch.events.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation ladders of every call the service knows, fed from the four topics and asked what
 * is due. Keeps at most {@code maxCalls} calls (the longest idle is forgotten first) and forgets a
 * call once all its alerts are resolved and it has been idle, so memory stays bounded. Not
 * thread-safe: one thread (the service's consumer loop) owns it.
 */
public final class Ladder {
  private final EscalationPolicy policy;
  private final int maxCalls;
  private final Map<String, CallLadder> calls = new HashMap<>();
  private long evicted;

  public Ladder(EscalationPolicy policy, int maxCalls) {
    if (maxCalls < 1) {
      throw new IllegalArgumentException("maxCalls must be >= 1, was " + maxCalls);
    }
    this.policy = policy;
    this.maxCalls = maxCalls;
  }

  public void onAlert(AlertEvent event) {
    call(event.callId()).onAlert(event);
  }

  public void onSummary(LegSummary summary) {
    call(summary.callId()).touch(summary.wallClockTime());
  }

  /**
   * Folds in one action; returns how long the alert was open before it when this is the alert's
   * first acknowledgement, empty otherwise (a duplicate, a later one, or no acknowledgement).
   */
  public Optional<Duration> onAction(Action action) {
    return Optional.ofNullable(call(action.callId()).onAction(action));
  }

  public void onNotification(Notification notification) {
    call(notification.callId()).onNotification(notification);
  }

  /** What is due at {@code now}; then forgets the calls that are finished. */
  public Due evaluate(Instant now) {
    List<Notification> notifications = new ArrayList<>();
    List<Action> resolutions = new ArrayList<>();
    for (Iterator<CallLadder> it = calls.values().iterator(); it.hasNext(); ) {
      CallLadder call = it.next();
      call.evaluate(now, policy, notifications, resolutions);
      if (call.finished(now, policy)) {
        it.remove();
      }
    }
    return new Due(notifications, resolutions);
  }

  /** Number of calls kept. */
  public int calls() {
    return calls.size();
  }

  /** Alerts known and not resolved, over every call. */
  public int openAlerts() {
    int open = 0;
    for (CallLadder call : calls.values()) {
      for (AlertTrack track : call.alerts()) {
        open += call.isOpen(track.alertId()) ? 1 : 0;
      }
    }
    return open;
  }

  /** True when {@code alertId} of {@code callId} is known and not resolved. */
  public boolean isOpen(String callId, String alertId) {
    CallLadder call = calls.get(callId);
    return call != null && call.isOpen(alertId);
  }

  /** Calls forgotten because the cap was reached. */
  public long evicted() {
    return evicted;
  }

  private CallLadder call(String callId) {
    CallLadder call = calls.get(callId);
    if (call == null) {
      if (calls.size() >= maxCalls) {
        evictLongestIdle();
      }
      call = new CallLadder(callId);
      calls.put(callId, call);
    }
    return call;
  }

  private void evictLongestIdle() {
    String oldest = null;
    Instant oldestAt = null;
    for (Map.Entry<String, CallLadder> entry : calls.entrySet()) {
      Instant at = entry.getValue().lastActivity();
      if (oldest == null || at == null || (oldestAt != null && at.isBefore(oldestAt))) {
        oldest = entry.getKey();
        oldestAt = at;
        if (at == null) {
          break;
        }
      }
    }
    calls.remove(oldest);
    evicted++;
  }
}
