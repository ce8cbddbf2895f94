package io.tonewatch.media.wav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds RIFF/WAVE files byte by byte, including malformed ones, for the reader's tests. */
final class WavBytes {

  /** KSDATAFORMAT_SUBTYPE_PCM; the first two bytes carry the format tag. */
  static final byte[] PCM_GUID = guid(0x0001);

  static final byte[] FLOAT_GUID = guid(0x0003);

  private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

  /** A chunk with its true size, padded to even length. */
  WavBytes chunk(String id, byte[] body) {
    return chunk(id, body.length, body);
  }

  /** A chunk that declares {@code declaredSize} but holds {@code body}, padded if it is odd. */
  WavBytes chunk(String id, long declaredSize, byte[] body) {
    chunks.writeBytes(ascii(id));
    chunks.writeBytes(le32((int) declaredSize));
    chunks.writeBytes(body);
    if ((body.length & 1) != 0 && body.length == declaredSize) {
      chunks.write(0);
    }
    return this;
  }

  /** Appends raw bytes, e.g. a chunk cut off in its header. */
  WavBytes raw(byte[] bytes) {
    chunks.writeBytes(bytes);
    return this;
  }

  /** The whole file: RIFF header with the right size, form WAVE, then the chunks. */
  byte[] build() {
    return withHeader("RIFF", "WAVE");
  }

  byte[] withHeader(String riffId, String form) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(ascii(riffId));
    file.writeBytes(le32(4 + chunks.size()));
    file.writeBytes(ascii(form));
    file.writeBytes(chunks.toByteArray());
    return file.toByteArray();
  }

  /** A 16-byte WAVEFORMAT body. */
  static byte[] fmt(int tag, int channels, int sampleRateHz, int blockAlign, int bitsPerSample) {
    return ByteBuffer.allocate(16)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) tag)
        .putShort((short) channels)
        .putInt(sampleRateHz)
        .putInt(sampleRateHz * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) bitsPerSample)
        .array();
  }

  /** A 40-byte WAVE_FORMAT_EXTENSIBLE body. */
  static byte[] extensibleFmt(
      int channels, int sampleRateHz, int containerBits, int validBits, byte[] subformat) {
    int blockAlign = channels * containerBits / 8;
    return ByteBuffer.allocate(40)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put(fmt(0xFFFE, channels, sampleRateHz, blockAlign, containerBits))
        .putShort((short) 22)
        .putShort((short) validBits)
        .putInt(channels == 2 ? 0x3 : 0x4) // front left+right, or front centre
        .put(subformat)
        .array();
  }

  /** The KSDATAFORMAT_SUBTYPE GUID of a plain format tag, as Microsoft's mmreg.h spells it. */
  static byte[] guid(int formatTag) {
    byte[] guid = HexFormat.of().parseHex("0000000000001000800000aa00389b71");
    guid[0] = (byte) formatTag;
    guid[1] = (byte) (formatTag >> 8);
    return guid;
  }

  static byte[] le16(int... values) {
    ByteBuffer bytes = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int value : values) {
      bytes.putShort((short) value);
    }
    return bytes.array();
  }

  static byte[] le24(int... values) {
    byte[] bytes = new byte[3 * values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[3 * i] = (byte) values[i];
      bytes[3 * i + 1] = (byte) (values[i] >> 8);
      bytes[3 * i + 2] = (byte) (values[i] >> 16);
    }
    return bytes;
  }

  static byte[] le32(int... values) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int value : values) {
      bytes.putInt(value);
    }
    return bytes.array();
  }

  static byte[] f32(float... values) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      bytes.putFloat(value);
    }
    return bytes.array();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
