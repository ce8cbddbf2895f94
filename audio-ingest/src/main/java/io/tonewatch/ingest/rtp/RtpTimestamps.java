package io.tonewatch.ingest.rtp;

/**
 * Wrap-around arithmetic on 32-bit RTP timestamps (RFC 3550 §5.1: they count modulo 2^32 from a
 * random start), held unsigned in a {@code long}. Stateless.
 */
public final class RtpTimestamps {
  /** 2^32: the timestamp space. */
  public static final long MODULUS = 1L << 32;

  private RtpTimestamps() {}

  /**
   * Signed forward distance from {@code from} to {@code to}, in -2^31..2^31-1. Example: {@code
   * distance(4294967136L, 160) == 320} (two 20 ms PCMU packets across the wrap) and {@code
   * distance(160, 4294967136L) == -320}.
   */
  public static long distance(long from, long to) {
    return (int) (to - from);
  }

  /**
   * True when {@code a} is later than {@code b}. Example: {@code isNewer(100, 4294967000L)} is
   * true, {@code isNewer(4294967000L, 100)} false.
   */
  public static boolean isNewer(long a, long b) {
    return distance(b, a) > 0;
  }

  /**
   * The 64-bit extended timestamp whose low 32 bits are {@code timestamp} and that lies nearest
   * {@code reference}. Example: {@code extend(4294967136L, 160) == 4294967456L} and {@code
   * extend(4294967456L, 4294967136L) == 4294967136L}.
   */
  public static long extend(long reference, long timestamp) {
    return reference + distance(reference, timestamp);
  }
}
