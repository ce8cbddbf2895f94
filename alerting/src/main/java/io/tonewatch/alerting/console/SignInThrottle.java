package io.tonewatch.alerting.console;

import io.tonewatch.alerting.BoundedMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing: after {@code freeFailures} failed sign-ins of one user name, each next
 * try must wait, 1 s doubling to 15 min, and a try during the wait is refused unchecked. A success
 * clears the count. Remembers at most 10 000 names. Thread-safe.
 */
final class SignInThrottle {
  private static final Duration MAX_WAIT = Duration.ofMinutes(15);
  private static final int MAX_NAMES = 10_000;

  private record Failures(int count, Instant nextTryAt) {}

  private final int freeFailures;
  private final Clock clock;
  private final Map<String, Failures> byName = new BoundedMap<>(MAX_NAMES);

  SignInThrottle(int freeFailures, Clock clock) {
    this.freeFailures = freeFailures;
    this.clock = clock;
  }

  /** How long {@code name} must still wait before a try is checked; zero when it may try now. */
  synchronized Duration waitFor(String name) {
    Failures f = byName.get(key(name));
    if (f == null || f.nextTryAt() == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), f.nextTryAt());
    return left.isNegative() ? Duration.ZERO : left;
  }

  synchronized void failed(String name) {
    Failures before = byName.getOrDefault(key(name), new Failures(0, null));
    int count = before.count() + 1;
    Instant next = null;
    if (count >= freeFailures) {
      int doublings = Math.min(count - freeFailures, 20);
      Duration wait = Duration.ofSeconds(1L << doublings);
      next = clock.instant().plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }
    byName.put(key(name), new Failures(count, next));
  }

  synchronized void succeeded(String name) {
    byName.remove(key(name));
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
