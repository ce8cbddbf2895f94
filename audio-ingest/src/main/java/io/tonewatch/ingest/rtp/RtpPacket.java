package io.tonewatch.ingest.rtp;

/**
 * A reusable, zero-allocation view of one RTP packet's fixed header (RFC 3550 §5.1), its CSRC list,
 * header extension (§5.3.1) and padding. {@link #parse} checks every length against the datagram
 * and returns false, never throwing, when anything is malformed; the getters then describe the last
 * packet that parsed. Mutable and owned by one thread (the stream's receive thread).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers  (CC x 32)  |
 * |   profile-defined (16)        |        length (32-bit words)  |  if X
 * </pre>
 */
public final class RtpPacket {
  /** The fixed header's size in bytes. */
  public static final int FIXED_HEADER_BYTES = 12;

  /** The largest UDP payload over IPv4 (65535 - 20 - 8): nothing longer can be a datagram. */
  public static final int MAX_DATAGRAM_BYTES = 65_507;

  private int version;
  private boolean padding;
  private boolean extension;
  private int csrcCount;
  private boolean marker;
  private int payloadType;
  private int sequence;
  private long timestamp;
  private long ssrc;
  private int payloadOffset;
  private int payloadLength;
  private int paddingLength;

  /**
   * Parses {@code buf[offset..offset+length)}; true when it is a well-formed RTP version 2 packet.
   * On false the getters are unspecified.
   */
  public boolean parse(byte[] buf, int offset, int length) {
    if (buf == null
        || offset < 0
        || length < FIXED_HEADER_BYTES
        || length > MAX_DATAGRAM_BYTES
        || offset > buf.length - length) {
      return false;
    }
    int b0 = buf[offset] & 0xFF;
    version = b0 >>> 6;
    if (version != 2) {
      return false;
    }
    padding = (b0 & 0x20) != 0;
    extension = (b0 & 0x10) != 0;
    csrcCount = b0 & 0x0F;
    int b1 = buf[offset + 1] & 0xFF;
    marker = (b1 & 0x80) != 0;
    payloadType = b1 & 0x7F;
    sequence = readU16(buf, offset + 2);
    timestamp = readU32(buf, offset + 4);
    ssrc = readU32(buf, offset + 8);

    int header = FIXED_HEADER_BYTES + 4 * csrcCount;
    if (header > length) {
      return false; // CSRC list runs past the end
    }
    if (extension) {
      if (header + 4 > length) {
        return false; // extension header itself truncated
      }
      int words = readU16(buf, offset + header + 2);
      header += 4 + 4 * words;
      if (header > length) {
        return false; // extension length runs past the end
      }
    }
    paddingLength = 0;
    if (padding) {
      // §5.1: the last octet counts the padding octets, itself included.
      paddingLength = buf[offset + length - 1] & 0xFF;
      if (paddingLength == 0 || paddingLength > length - header) {
        return false;
      }
    }
    payloadOffset = offset + header;
    payloadLength = length - header - paddingLength;
    return true;
  }

  /** Reads an unsigned big-endian 16-bit value; the caller has checked the bounds. */
  static int readU16(byte[] buf, int at) {
    return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
  }

  /** Reads an unsigned big-endian 32-bit value; the caller has checked the bounds. */
  static long readU32(byte[] buf, int at) {
    return ((long) readU16(buf, at) << 16) | readU16(buf, at + 2);
  }

  public int version() {
    return version;
  }

  public boolean padding() {
    return padding;
  }

  /** Padding octets at the end of the packet (0 without the P bit). */
  public int paddingLength() {
    return paddingLength;
  }

  public boolean extension() {
    return extension;
  }

  public int csrcCount() {
    return csrcCount;
  }

  public boolean marker() {
    return marker;
  }

  /** 0..127. */
  public int payloadType() {
    return payloadType;
  }

  /** 0..65535. */
  public int sequence() {
    return sequence;
  }

  /** 0..2^32-1. */
  public long timestamp() {
    return timestamp;
  }

  /** 0..2^32-1. */
  public long ssrc() {
    return ssrc;
  }

  /** Index of the payload's first byte in the buffer given to {@link #parse}. */
  public int payloadOffset() {
    return payloadOffset;
  }

  /** Payload bytes, headers and padding excluded; may be 0. */
  public int payloadLength() {
    return payloadLength;
  }
}
