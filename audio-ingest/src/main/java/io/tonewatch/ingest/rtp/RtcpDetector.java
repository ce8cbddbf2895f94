package io.tonewatch.ingest.rtp;

/**
 * Tells RTCP from RTP on a shared port (RFC 5761 §4): an RTCP packet's second octet is its packet
 * type, and SR, RR, SDES, BYE and APP are 200 to 204, which no RTP payload type plus marker bit
 * takes when payload types 72-76 are left unused (as {@code PayloadMap} enforces). Stateless.
 */
public final class RtcpDetector {
  /** RFC 3550 §6.4.1: sender report. */
  public static final int SR = 200;

  /** RFC 3550 §6.6: application-defined, the last of the range. */
  public static final int APP = 204;

  /** The smallest RTCP packet: a 4-byte header and the sender's SSRC (an empty RR). */
  public static final int MIN_BYTES = 8;

  private RtcpDetector() {}

  /** True when {@code buf[offset..offset+length)} is version 2 with an RTCP packet type 200-204. */
  public static boolean isRtcp(byte[] buf, int offset, int length) {
    if (buf == null || offset < 0 || length < MIN_BYTES || offset > buf.length - length) {
      return false;
    }
    int type = buf[offset + 1] & 0xFF;
    return (buf[offset] & 0xC0) == 0x80 && type >= SR && type <= APP;
  }
}
