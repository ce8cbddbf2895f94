package io.tonewatch.events.audio;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads the big-endian fields of one encoded audio message, checking the remaining length before
 * every read so that malformed input ends in an {@link AudioCodecException} naming the offset. One
 * instance per decode: not thread-safe, owned by the decoding thread.
 */
final class WireReader {
  private final ByteBuffer bytes;

  WireReader(byte[] bytes) {
    this.bytes = ByteBuffer.wrap(bytes);
  }

  int offset() {
    return bytes.position();
  }

  AudioCodecException error(String what, int offset) {
    return new AudioCodecException(what + " at byte " + offset);
  }

  private void need(int count, String field) {
    if (bytes.remaining() < count) {
      throw new AudioCodecException(
          "truncated: "
              + field
              + " needs "
              + count
              + " bytes at byte "
              + bytes.position()
              + ", "
              + bytes.remaining()
              + " left");
    }
  }

  int u8(String field) {
    need(1, field);
    return bytes.get() & 0xFF;
  }

  int u16(String field) {
    need(2, field);
    return bytes.getShort() & 0xFFFF;
  }

  int i32(String field) {
    need(4, field);
    return bytes.getInt();
  }

  long i64(String field) {
    need(8, field);
    return bytes.getLong();
  }

  /** Reads {@code count} 16-bit samples, little-endian when {@code littleEndian}. */
  short[] samples(int count, boolean littleEndian) {
    need(count * 2, "samples");
    short[] samples = new short[count];
    for (int i = 0; i < count; i++) {
      int first = bytes.get() & 0xFF;
      int second = bytes.get() & 0xFF;
      samples[i] = (short) (littleEndian ? (second << 8 | first) : (first << 8 | second));
    }
    return samples;
  }

  /** Reads {@code length} bytes of strict UTF-8: malformed sequences are rejected, not replaced. */
  String utf8(int length, String field) {
    need(length, field);
    ByteBuffer slice = bytes.slice();
    slice.limit(length);
    int start = bytes.position();
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(slice);
      bytes.position(start + length);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new AudioCodecException(field + " is not valid UTF-8 at byte " + start, e);
    }
  }

  /** Reads an instant as int64 epoch seconds then int32 nanoseconds (0 to 999,999,999). */
  Instant instant(String field) {
    int start = bytes.position();
    long seconds = i64(field + " seconds");
    int nanos = i32(field + " nanoseconds");
    if (nanos < 0 || nanos > 999_999_999) {
      throw new AudioCodecException(field + " nanoseconds out of range at byte " + (start + 8));
    }
    if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
      throw new AudioCodecException(field + " seconds out of range at byte " + start);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  void requireEnd() {
    if (bytes.hasRemaining()) {
      throw new AudioCodecException(
          bytes.remaining() + " trailing bytes after the message at byte " + bytes.position());
    }
  }
}
