package io.tonewatch.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it, so tests depend on what happens and not on how fast the
 * machine is. The deadline is generous on purpose: it only fails a test where nothing happens at
 * all, never one that is merely slow.
 */
public final class Await {
  /** The default deadline: long enough for a loaded 2-core machine, short enough to end a hang. */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final long POLL_MILLIS = 5;

  private Await() {}

  /** Polls {@code condition} until it holds, failing with {@code what} after {@link #PATIENCE}. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, PATIENCE, condition);
  }

  /** Polls {@code condition} until it holds, failing with {@code what} after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    value(what, timeout, () -> condition.getAsBoolean(), Boolean::booleanValue);
  }

  /**
   * Polls {@code supplier} until its value passes {@code accept} and returns that value; the
   * failure message shows the last value seen.
   */
  public static <T> T value(
      String what, Duration timeout, Supplier<T> supplier, Predicate<T> accept) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = supplier.get();
    while (!accept.test(last)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "gave up after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + " (last: "
                + last
                + ")");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
      last = supplier.get();
    }
    return last;
  }
}
