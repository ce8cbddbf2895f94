package io.tonewatch.alerting.repeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest escalation of each caller hash: at most {@code maxEntries} (the oldest escalation is
 * forgotten first), none older than the retention ({@link #purge}). {@link #lookup} answers only
 * within the window. Thread-safe: every method holds this object's lock.
 */
public final class RepeatCallers {
  private final Duration window;
  private final Duration retention;
  private final int maxEntries;
  private final Clock clock;
  private final LinkedHashMap<String, Escalation> byHash = new LinkedHashMap<>(); // by age

  public RepeatCallers(Duration window, Duration retention, int maxEntries, Clock clock) {
    if (window.isNegative() || retention.compareTo(window) < 0 || maxEntries < 1) {
      throw new IllegalArgumentException("need 0 <= window <= retention and maxEntries >= 1");
    }
    this.window = window;
    this.retention = retention;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** Keeps {@code e} unless the caller has a later escalation already, or it is past retention. */
  public synchronized void record(Escalation e) {
    Escalation known = byHash.get(e.callerHash());
    if (known != null && known.escalatedAt().isAfter(e.escalatedAt())) {
      return;
    }
    if (e.escalatedAt().isBefore(clock.instant().minus(retention))) {
      return;
    }
    byHash.remove(e.callerHash()); // re-inserted last: the map stays ordered by escalation
    byHash.put(e.callerHash(), e);
    while (byHash.size() > maxEntries) {
      byHash.remove(byHash.keySet().iterator().next());
    }
  }

  /** The hint for {@code callerHash}, if that caller escalated within the window. */
  public synchronized Optional<Hint> lookup(String callerHash) {
    Escalation e = byHash.get(callerHash);
    Instant now = clock.instant();
    if (e == null || e.escalatedAt().isBefore(now.minus(window))) {
      return Optional.empty();
    }
    return Optional.of(Hint.of(e, now));
  }

  /** Forgets escalations older than the retention; returns how many. */
  public synchronized int purge() {
    Instant oldest = clock.instant().minus(retention);
    int purged = 0;
    for (Iterator<Map.Entry<String, Escalation>> it = byHash.entrySet().iterator();
        it.hasNext(); ) {
      if (it.next().getValue().escalatedAt().isBefore(oldest)) {
        it.remove();
        purged++;
      }
    }
    return purged;
  }

  public synchronized int size() {
    return byHash.size();
  }
}
