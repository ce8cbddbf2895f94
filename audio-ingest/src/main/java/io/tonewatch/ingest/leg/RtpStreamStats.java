package io.tonewatch.ingest.leg;

import java.util.List;

/**
 * What one RTP stream's receiver has seen so far.
 *
 * @param packetsReceived audio and telephone-event packets taken into the jitter buffer
 * @param lost sequence numbers given up as lost (their audio concealed)
 * @param late packets that arrived after their slot was played or given up
 * @param duplicate second copies dropped
 * @param concealedFrames frames flagged concealed, over all the stream's legs
 * @param jitterMs the RFC 3550 A.8 interarrival jitter now, in ms
 * @param ssrcChanges times a new source took over the stream
 */
public record RtpStreamStats(
    long packetsReceived,
    long lost,
    long late,
    long duplicate,
    long concealedFrames,
    double jitterMs,
    int ssrcChanges) {

  public RtpStreamStats {
    if (packetsReceived < 0
        || lost < 0
        || late < 0
        || duplicate < 0
        || concealedFrames < 0
        || ssrcChanges < 0
        || !(jitterMs >= 0)) {
      throw new IllegalArgumentException(
          "stream statistics must be >= 0, were "
              + List.of(
                  packetsReceived, lost, late, duplicate, concealedFrames, jitterMs, ssrcChanges));
    }
  }

  /** Lost over expected (received + lost), 0 when nothing was expected. */
  public double lossRatio() {
    long expected = packetsReceived + lost;
    return expected == 0 ? 0.0 : (double) lost / expected;
  }
}
