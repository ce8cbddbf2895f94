package io.tonewatch.ingest.rtp;

/**
 * Wrap-around arithmetic on 16-bit RTP sequence numbers (RFC 3550 §5.1: they count modulo 2^16). A
 * difference of less than half the range counts as forward, the usual serial-number rule (RFC
 * 1982). Stateless.
 */
public final class SequenceNumbers {
  /** 2^16: the sequence number space. */
  public static final int MODULUS = 1 << 16;

  private SequenceNumbers() {}

  /**
   * Signed forward distance from {@code from} to {@code to}, in -32768..32767. Example: {@code
   * distance(65534, 1) == 3} and {@code distance(1, 65534) == -3}.
   */
  public static int distance(int from, int to) {
    return (short) (to - from);
  }

  /**
   * True when {@code a} comes after {@code b}. Example: {@code isNewer(2, 65530)} is true, {@code
   * isNewer(65530, 2)} false, and {@code isNewer(7, 7)} false.
   */
  public static boolean isNewer(int a, int b) {
    return distance(b, a) > 0;
  }

  /**
   * The 64-bit extended sequence number whose low 16 bits are {@code sequence} and that lies
   * nearest {@code reference} (an extended number already seen). Example: {@code extend(65535, 2)
   * == 65538} (2 after one wrap) and {@code extend(65538, 65535) == 65535} (just before it).
   */
  public static long extend(long reference, int sequence) {
    return reference + distance((int) reference, sequence);
  }

  /** Next number after {@code sequence}. Example: {@code next(65535) == 0}. */
  public static int next(int sequence) {
    return (sequence + 1) & (MODULUS - 1);
  }
}
