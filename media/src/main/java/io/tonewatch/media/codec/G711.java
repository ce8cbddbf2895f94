package io.tonewatch.media.codec;

import java.util.Objects;

/**
 * ITU-T G.711 companding: mu-law (PCMU, RTP payload type 0) and A-law (PCMA, payload type 8).
 *
 * <p>Linear values are 16-bit: the 14-bit (mu-law) and 13-bit (A-law) G.711 scales shifted left to
 * full scale, as the JDK and most telephony stacks do. Decoding goes through 256-entry tables built
 * once; encoding follows the segment search of the G.711 decision levels, so that {@code
 * encode(decode(code)) == code} for every code except mu-law's negative zero (0x7F), which comes
 * back as positive zero (0xFF).
 */
public final class G711 {

  /** mu-law adds this bias (33 on the 14-bit scale) so that segment boundaries are powers of 2. */
  private static final int ULAW_BIAS = 0x84;

  /** Largest magnitude mu-law can represent before the bias pushes it past 15 bits. */
  private static final int ULAW_CLIP = 0x7FFF - ULAW_BIAS;

  private static final short[] ULAW_TO_LINEAR = new short[256];
  private static final short[] ALAW_TO_LINEAR = new short[256];

  static {
    for (int code = 0; code < 256; code++) {
      ULAW_TO_LINEAR[code] = computeUlawToLinear(code);
      ALAW_TO_LINEAR[code] = computeAlawToLinear(code);
    }
  }

  private G711() {}

  /** Decodes one mu-law byte, e.g. 0xFF to 0 and 0x00 to -32124. */
  public static short ulawToLinear(byte code) {
    return ULAW_TO_LINEAR[code & 0xFF];
  }

  /** Decodes one A-law byte, e.g. 0xD5 to 8 and 0x55 to -8. */
  public static short alawToLinear(byte code) {
    return ALAW_TO_LINEAR[code & 0xFF];
  }

  /**
   * Decodes {@code count} mu-law bytes from {@code in[inOffset..]} into {@code out[outOffset..]}.
   */
  public static void decodeUlaw(byte[] in, int inOffset, short[] out, int outOffset, int count) {
    decode(ULAW_TO_LINEAR, in, inOffset, out, outOffset, count);
  }

  /**
   * Decodes {@code count} A-law bytes from {@code in[inOffset..]} into {@code out[outOffset..]}.
   */
  public static void decodeAlaw(byte[] in, int inOffset, short[] out, int outOffset, int count) {
    decode(ALAW_TO_LINEAR, in, inOffset, out, outOffset, count);
  }

  /** Encodes a linear sample to the mu-law interval that holds it, saturating at +-32124. */
  public static byte linearToUlaw(short sample) {
    int magnitude;
    int mask;
    if (sample < 0) {
      magnitude = -sample;
      mask = 0x7F; // sign bit clear after inversion means negative
    } else {
      magnitude = sample;
      mask = 0xFF;
    }
    magnitude = Math.min(magnitude, ULAW_CLIP) + ULAW_BIAS;
    // The biased magnitude lies in [2^(7+segment), 2^(8+segment)).
    int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
    int mantissa = (magnitude >> (segment + 3)) & 0x0F;
    return (byte) (((segment << 4) | mantissa) ^ mask);
  }

  /** Encodes a linear sample to the A-law interval that holds it, saturating at +-32256. */
  public static byte linearToAlaw(short sample) {
    int value = sample >> 3; // A-law works on a 13-bit scale
    int mask;
    if (value >= 0) {
      mask = 0xD5; // sign bit set, even bits inverted
    } else {
      mask = 0x55;
      value = -value - 1;
    }
    // value is at most 4095 (12 bits), so the segment is 0..7.
    int segment = Math.max(0, 31 - Integer.numberOfLeadingZeros(value) - 4);
    int mantissa = (value >> (segment == 0 ? 1 : segment)) & 0x0F;
    return (byte) (((segment << 4) | mantissa) ^ mask);
  }

  private static void decode(
      short[] table, byte[] in, int inOffset, short[] out, int outOffset, int count) {
    Objects.checkFromIndexSize(inOffset, count, in.length);
    Objects.checkFromIndexSize(outOffset, count, out.length);
    for (int i = 0; i < count; i++) {
      out[outOffset + i] = table[in[inOffset + i] & 0xFF];
    }
  }

  private static short computeUlawToLinear(int code) {
    int bits = ~code & 0xFF; // mu-law is transmitted inverted
    int segment = (bits >> 4) & 0x07;
    int mantissa = bits & 0x0F;
    int magnitude = (((mantissa << 3) + ULAW_BIAS) << segment) - ULAW_BIAS;
    return (short) ((bits & 0x80) != 0 ? -magnitude : magnitude);
  }

  private static short computeAlawToLinear(int code) {
    int bits = code ^ 0x55; // A-law inverts the even bits
    int segment = (bits >> 4) & 0x07;
    int mantissa = (bits & 0x0F) << 4;
    // Reconstruct at the middle of the quantisation interval; segment 0 has no implied leading 1.
    int magnitude = segment == 0 ? mantissa + 8 : (mantissa + 0x108) << (segment - 1);
    return (short) ((bits & 0x80) != 0 ? magnitude : -magnitude);
  }
}
