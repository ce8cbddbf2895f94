package io.tonewatch.ingest.net;

/**
 * What one RTP stream has received so far.
 *
 * @param packetsReceived packets accepted into the stream
 * @param packetsLost packets expected and never received (RFC 3550 A.3), at least 0
 * @param jitterMs interarrival jitter (RFC 3550 A.8) in milliseconds
 */
public record StreamStats(long packetsReceived, long packetsLost, double jitterMs) {
  public static final StreamStats NONE = new StreamStats(0, 0, 0);

  public StreamStats {
    if (packetsReceived < 0 || packetsLost < 0 || !(jitterMs >= 0)) {
      throw new IllegalArgumentException(
          "stats must be >= 0: " + packetsReceived + ", " + packetsLost + ", " + jitterMs);
    }
  }
}
