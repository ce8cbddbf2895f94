package io.tonewatch.ingest.jitter;

/**
 * Limits of a stream's {@link AdaptiveJitterBuffer}.
 *
 * @param minDelayMillis the shortest time a packet behind a gap waits for the missing one
 * @param maxDelayMillis the cap on that wait; also bounds what is held, to {@code maxDelayMillis}
 *     of packets
 * @param maxConcealMillis the most audio filled in for one gap; a longer gap is cut to this and the
 *     timeline moves on
 * @param resyncMillis a timestamp jump longer than this is a restart of the sender's clock, not a
 *     gap: nothing is filled in
 */
public record JitterSettings(
    int minDelayMillis, int maxDelayMillis, int maxConcealMillis, int resyncMillis) {

  /** 20 ms to 200 ms of delay, up to 1 s concealed per gap, jumps beyond 10 s resync. */
  public static final JitterSettings DEFAULTS = new JitterSettings(20, 200, 1000, 10_000);

  public JitterSettings {
    check("minDelayMillis", minDelayMillis, 0, 5000);
    check("maxDelayMillis", maxDelayMillis, Math.max(1, minDelayMillis), 5000);
    check("maxConcealMillis", maxConcealMillis, 0, 60_000);
    check("resyncMillis", resyncMillis, Math.max(1, maxConcealMillis), 3_600_000);
  }

  /**
   * The defaults with the delay range replaced, e.g. from {@code jitterMinMs}/{@code jitterMaxMs}.
   */
  public static JitterSettings ofDelay(int minDelayMillis, int maxDelayMillis) {
    return new JitterSettings(
        minDelayMillis, maxDelayMillis, DEFAULTS.maxConcealMillis, DEFAULTS.resyncMillis);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be " + min + " to " + max + " ms, was " + value);
    }
  }
}
