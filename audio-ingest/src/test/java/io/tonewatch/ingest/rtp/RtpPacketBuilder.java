package io.tonewatch.ingest.rtp;

import java.io.ByteArrayOutputStream;

/** Builds RTP datagrams for tests, field by field (RFC 3550 §5.1). */
public final class RtpPacketBuilder {
  private int version = 2;
  private int payloadType;
  private boolean marker;
  private int sequence;
  private long timestamp;
  private long ssrc = 0x1234_5678L;
  private long[] csrcs = new long[0];
  private byte[] extension;
  private int padding;
  private byte[] payload = new byte[0];

  public RtpPacketBuilder version(int v) {
    version = v;
    return this;
  }

  public RtpPacketBuilder payloadType(int pt) {
    payloadType = pt;
    return this;
  }

  public RtpPacketBuilder marker(boolean m) {
    marker = m;
    return this;
  }

  public RtpPacketBuilder sequence(int seq) {
    sequence = seq & 0xFFFF;
    return this;
  }

  public RtpPacketBuilder timestamp(long ts) {
    timestamp = ts & 0xFFFF_FFFFL;
    return this;
  }

  public RtpPacketBuilder ssrc(long s) {
    ssrc = s & 0xFFFF_FFFFL;
    return this;
  }

  public RtpPacketBuilder csrcs(long... c) {
    csrcs = c.clone();
    return this;
  }

  /** Extension data (a multiple of 4 bytes), written after a profile word 0xBEDE. */
  public RtpPacketBuilder extension(byte[] data) {
    extension = data.clone();
    return this;
  }

  /** Padding octets, the count in the last one (0 for none). */
  public RtpPacketBuilder padding(int count) {
    padding = count;
    return this;
  }

  public RtpPacketBuilder payload(byte[] p) {
    payload = p.clone();
    return this;
  }

  public byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b0 = (version << 6) | (padding > 0 ? 0x20 : 0) | (extension != null ? 0x10 : 0);
    out.write(b0 | csrcs.length);
    out.write((marker ? 0x80 : 0) | payloadType);
    writeU16(out, sequence);
    writeU32(out, timestamp);
    writeU32(out, ssrc);
    for (long c : csrcs) {
      writeU32(out, c);
    }
    if (extension != null) {
      writeU16(out, 0xBEDE);
      writeU16(out, extension.length / 4);
      out.writeBytes(extension);
    }
    out.writeBytes(payload);
    for (int i = 1; i < padding; i++) {
      out.write(0);
    }
    if (padding > 0) {
      out.write(padding);
    }
    return out.toByteArray();
  }

  private static void writeU16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private static void writeU32(ByteArrayOutputStream out, long v) {
    writeU16(out, (int) (v >>> 16) & 0xFFFF);
    writeU16(out, (int) v & 0xFFFF);
  }
}
