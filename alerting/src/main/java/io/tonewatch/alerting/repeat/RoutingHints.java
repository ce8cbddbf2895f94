package io.tonewatch.alerting.repeat;

import io.tonewatch.events.callers.CallerNumbers;
import java.util.Optional;

/**
 * What the routing-hint endpoint calls: the raw number a call platform sends at call start is
 * hashed with the deployment's key (the same as ingest's) and looked up; the number is neither kept
 * nor logged. Thread-safe.
 */
public final class RoutingHints {
  private final CallerNumbers callers;
  private final RepeatCallers index;

  public RoutingHints(CallerNumbers callers, RepeatCallers index) {
    this.callers = callers;
    this.index = index;
  }

  /** The hint for the caller of {@code rawNumber}, if they escalated within the window. */
  public Optional<Hint> forNumber(String rawNumber) {
    return callers.hash(rawNumber).flatMap(index::lookup);
  }

  /** The hint for a call whose metadata carries {@code callerHash} (from ingest). */
  public Optional<Hint> forHash(String callerHash) {
    return callerHash == null ? Optional.empty() : index.lookup(callerHash);
  }
}
