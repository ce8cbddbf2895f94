package io.tonewatch.simulator;

import io.tonewatch.events.Leg;
import java.util.SplittableRandom;

/**
 * The random identity of one simulated RTP leg, reproducible from the run's seed: SSRC, first
 * sequence number and first timestamp (RFC 3550 §5.1 says all three should start random).
 *
 * @param ssrc synchronisation source
 * @param initialSequence 0 to 65535
 * @param initialTimestamp any 32 bits
 */
public record LegIdentity(int ssrc, int initialSequence, int initialTimestamp) {

  public LegIdentity {
    if (initialSequence < 0 || initialSequence > 0xFFFF) {
      throw new IllegalArgumentException(
          "initialSequence must be 0 to 65535, was " + initialSequence);
    }
  }

  /**
   * The identity of {@code leg} of call number {@code callNumber} (from 1).
   *
   * @param sequenceStart forces the first sequence number (e.g. 65500 to force a wrap), or null
   */
  public static LegIdentity of(long seed, int callNumber, Leg leg, Integer sequenceStart) {
    SplittableRandom random = new SplittableRandom(mix(seed, callNumber, leg));
    int ssrc = random.nextInt();
    int sequence = random.nextInt(0x10000);
    int timestamp = random.nextInt();
    return new LegIdentity(ssrc, sequenceStart != null ? sequenceStart : sequence, timestamp);
  }

  /** A 64-bit mix of the three, so that neighbouring calls get unrelated streams. */
  public static long mix(long seed, int callNumber, Leg leg) {
    long z = seed + 0x9E37_79B9_7F4A_7C15L * (2L * callNumber + leg.ordinal() + 1);
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
