package io.tonewatch.ingest.audiosocket;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

/** Builds AudioSocket byte streams for tests: type, 16-bit big-endian length, payload. */
final class AudioSocketWire {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  AudioSocketWire message(int type, byte[] payload) {
    out.write(type);
    out.write(payload.length >>> 8);
    out.write(payload.length & 0xFF);
    out.writeBytes(payload);
    return this;
  }

  AudioSocketWire uuid(UUID uuid) {
    byte[] b = new byte[16];
    long high = uuid.getMostSignificantBits();
    long low = uuid.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (high >>> (56 - 8 * i));
      b[8 + i] = (byte) (low >>> (56 - 8 * i));
    }
    return message(AudioSocketDecoder.TYPE_UUID, b);
  }

  AudioSocketWire slin(short[] pcm, int offset, int count) {
    byte[] b = new byte[2 * count];
    for (int i = 0; i < count; i++) {
      b[2 * i] = (byte) pcm[offset + i];
      b[2 * i + 1] = (byte) (pcm[offset + i] >> 8);
    }
    return message(AudioSocketDecoder.TYPE_SLIN_8K, b);
  }

  AudioSocketWire hangup() {
    return message(AudioSocketDecoder.TYPE_HANGUP, new byte[0]);
  }

  AudioSocketWire raw(byte... bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
