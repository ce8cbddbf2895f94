package io.tonewatch.processor.service.consume;

/**
 * Exponential backoff between retries of a failing operation: 100 ms, doubling, capped at the
 * configured maximum; {@link #reset} after a success. Owned by one thread.
 */
final class RetryBackoff {
  static final long FIRST_MILLIS = 100;

  private final long maxMillis;
  private long nextMillis = FIRST_MILLIS;
  private int failures;

  RetryBackoff(long maxMillis) {
    this.maxMillis = maxMillis;
  }

  /** The wait before the next attempt; each call doubles the following one. */
  long nextMillis() {
    long wait = Math.min(nextMillis, maxMillis);
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    failures++;
    return wait;
  }

  /** Failures since the last success. */
  int failures() {
    return failures;
  }

  void reset() {
    nextMillis = FIRST_MILLIS;
    failures = 0;
  }
}
