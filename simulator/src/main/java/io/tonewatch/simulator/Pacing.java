package io.tonewatch.simulator;

/**
 * Real-time pacing by absolute deadlines: frame {@code f} of a leg is due at {@code base + f *
 * ptime}, whatever happened to earlier sends, so slips never accumulate into drift. A send more
 * than {@code lateThresholdNanos} after its deadline counts as late.
 *
 * @param ptimeNanos audio per packet, in nanoseconds
 * @param lateThresholdNanos how far past its deadline a send may go before it is late
 */
public record Pacing(long ptimeNanos, long lateThresholdNanos) {

  /** Slips beyond 5 ms are reported: a fifth of a 20 ms packet. */
  public static final long DEFAULT_LATE_THRESHOLD_NANOS = 5_000_000L;

  public Pacing {
    if (ptimeNanos <= 0) {
      throw new IllegalArgumentException("ptimeNanos must be positive, was " + ptimeNanos);
    }
    if (lateThresholdNanos < 0) {
      throw new IllegalArgumentException(
          "lateThresholdNanos must not be negative, was " + lateThresholdNanos);
    }
  }

  public static Pacing ofPtimeMillis(int ptimeMillis) {
    return new Pacing(ptimeMillis * 1_000_000L, DEFAULT_LATE_THRESHOLD_NANOS);
  }

  /** When frame {@code frameIndex} of a stream that started at {@code baseNanos} is due. */
  public long deadlineNanos(long baseNanos, long frameIndex) {
    return baseNanos + frameIndex * ptimeNanos;
  }

  /** True when a send at {@code nowNanos} slipped past the threshold after its deadline. */
  public boolean isLate(long nowNanos, long deadlineNanos) {
    return nowNanos - deadlineNanos > lateThresholdNanos;
  }

  /** Packets per second of one leg, e.g. 50 for 20 ms. */
  public double packetsPerSecondPerLeg() {
    return 1e9 / ptimeNanos;
  }
}
