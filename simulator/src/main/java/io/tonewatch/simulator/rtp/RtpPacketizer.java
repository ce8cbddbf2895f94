package io.tonewatch.simulator.rtp;

/**
 * Wraps payloads of one RTP stream in the fixed 12-byte header of RFC 3550 §5.1: version 2, no
 * padding, no extension, no CSRCs. The sequence number wraps at 2^16 and the timestamp at 2^32 (RFC
 * 3550 §5.1); the marker bit is set on the first packet only, the start of the talkspurt (RFC 3551
 * §4.1). Not thread-safe: one instance per leg, used by the simulation's loop thread.
 */
public final class RtpPacketizer {

  public static final int HEADER_BYTES = 12;

  private final int payloadType;
  private final int ssrc;
  private final int samplesPerPacket;
  private int sequence;
  private int timestamp;
  private boolean first = true;

  /**
   * @param payloadType 0 to 127
   * @param ssrc the synchronisation source, any 32 bits
   * @param initialSequence first sequence number, 0 to 65535
   * @param initialTimestamp first RTP timestamp, any 32 bits
   * @param samplesPerPacket how far the timestamp advances per packet (8 kHz clock)
   */
  public RtpPacketizer(
      int payloadType, int ssrc, int initialSequence, int initialTimestamp, int samplesPerPacket) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payloadType must be 0 to 127, was " + payloadType);
    }
    if (initialSequence < 0 || initialSequence > 0xFFFF) {
      throw new IllegalArgumentException(
          "initialSequence must be 0 to 65535, was " + initialSequence);
    }
    if (samplesPerPacket <= 0) {
      throw new IllegalArgumentException(
          "samplesPerPacket must be positive, was " + samplesPerPacket);
    }
    this.payloadType = payloadType;
    this.ssrc = ssrc;
    this.sequence = initialSequence;
    this.timestamp = initialTimestamp;
    this.samplesPerPacket = samplesPerPacket;
  }

  /** The next packet: header then {@code payload}; advances sequence and timestamp. */
  public byte[] next(byte[] payload) {
    byte[] packet = new byte[HEADER_BYTES + payload.length];
    packet[0] = (byte) 0x80; // V=2, P=0, X=0, CC=0
    packet[1] = (byte) ((first ? 0x80 : 0) | payloadType);
    packet[2] = (byte) (sequence >>> 8);
    packet[3] = (byte) sequence;
    putInt(packet, 4, timestamp);
    putInt(packet, 8, ssrc);
    System.arraycopy(payload, 0, packet, HEADER_BYTES, payload.length);
    first = false;
    sequence = (sequence + 1) & 0xFFFF;
    timestamp += samplesPerPacket; // int overflow is the 2^32 wrap
    return packet;
  }

  public int ssrc() {
    return ssrc;
  }

  private static void putInt(byte[] to, int at, int value) {
    to[at] = (byte) (value >>> 24);
    to[at + 1] = (byte) (value >>> 16);
    to[at + 2] = (byte) (value >>> 8);
    to[at + 3] = (byte) value;
  }
}
