package io.tonewatch.ingest.rtp;

/**
 * Interarrival jitter of one source, RFC 3550 §6.4.1 and Appendix A.8: the mean deviation of the
 * difference D between packets' relative transit times, smoothed with gain 1/16: {@code J += (|D| -
 * J) / 16}, with {@code D(i-1,i) = (R_i - R_{i-1}) - (S_i - S_{i-1})} in timestamp units, R from
 * the arrival clock and S the RTP timestamps (differences taken across the 32-bit wrap). Mutable,
 * owned by the stream's receive thread.
 */
public final class InterarrivalJitter {
  private final int clockRateHz;
  private boolean started;
  private long lastArrivalNanos;
  private long lastTimestamp;
  private double jitterUnits;

  public InterarrivalJitter(int clockRateHz) {
    if (clockRateHz <= 0) {
      throw new IllegalArgumentException("clockRateHz must be > 0, was " + clockRateHz);
    }
    this.clockRateHz = clockRateHz;
  }

  /** Folds in one packet (in arrival order) with its RTP timestamp and arrival time. */
  public void update(long timestamp, long arrivalNanos) {
    if (started) {
      double arrivalUnits = (arrivalNanos - lastArrivalNanos) * (clockRateHz / 1e9);
      double d = arrivalUnits - RtpTimestamps.distance(lastTimestamp, timestamp);
      jitterUnits += (Math.abs(d) - jitterUnits) / 16.0;
    }
    started = true;
    lastArrivalNanos = arrivalNanos;
    lastTimestamp = timestamp;
  }

  /** Forgets the previous packet, e.g. when the source changes; the estimate is kept. */
  public void restart() {
    started = false;
  }

  /** The estimate in timestamp units. */
  public double jitterUnits() {
    return jitterUnits;
  }

  /** The estimate in milliseconds. */
  public double jitterMillis() {
    return jitterUnits * 1000.0 / clockRateHz;
  }
}
