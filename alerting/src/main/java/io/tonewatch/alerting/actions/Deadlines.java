package io.tonewatch.alerting.actions;

import java.net.SocketTimeoutException;

/** One deadline for a whole exchange with a platform, read as the socket timeout of each step. */
public final class Deadlines {
  private Deadlines() {}

  /**
   * The milliseconds left before {@code deadlineNanos} ({@link System#nanoTime} time), at least 1.
   *
   * @throws SocketTimeoutException naming {@code peer} when none are left
   */
  public static int remainingMillis(long deadlineNanos, String peer) throws SocketTimeoutException {
    long millis = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (millis <= 0) {
      throw new SocketTimeoutException("no answer from " + peer + " in time");
    }
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }
}
