package io.tonewatch.simulator.audiosocket;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Asterisk AudioSocket framing: a 1-byte kind, a 2-byte big-endian payload length, the payload.
 * Kind 0x01 carries the call's 16-byte UUID, 0x10 signed linear 16-bit little-endian audio at 8
 * kHz, 0x00 hangup with no payload (Asterisk's res_audiosocket protocol description).
 */
public final class AudioSocketFrames {

  public static final int KIND_HANGUP = 0x00;
  public static final int KIND_UUID = 0x01;
  public static final int KIND_SLIN = 0x10;
  public static final int HEADER_BYTES = 3;

  private AudioSocketFrames() {}

  /** The identification frame that must come first on each connection. */
  public static byte[] uuid(UUID id) {
    ByteBuffer payload = ByteBuffer.allocate(16);
    payload.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return frame(KIND_UUID, payload.array());
  }

  /** One audio frame: {@code samples} as 16-bit little-endian. */
  public static byte[] audio(short[] samples) {
    byte[] payload = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      payload[2 * i] = (byte) samples[i];
      payload[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    return frame(KIND_SLIN, payload);
  }

  /** The hangup frame that ends a connection. */
  public static byte[] hangup() {
    return frame(KIND_HANGUP, new byte[0]);
  }

  static byte[] frame(int kind, byte[] payload) {
    if (payload.length > 0xFFFF) {
      throw new IllegalArgumentException("payload too long: " + payload.length + " bytes");
    }
    byte[] frame = new byte[HEADER_BYTES + payload.length];
    frame[0] = (byte) kind;
    frame[1] = (byte) (payload.length >>> 8);
    frame[2] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, HEADER_BYTES, payload.length);
    return frame;
  }
}
