package io.tonewatch.events.audio;

import io.tonewatch.events.Leg;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary wire format of the audio topic's record values (format version 1). Stateless and
 * thread-safe. Multi-byte integers are big-endian (network order) except the samples, which are
 * signed 16-bit little-endian PCM at 8 kHz. Every message starts with this header:
 *
 * <pre>
 * offset  size  field
 *      0     2  magic 0x54 0x57 ("TW")
 *      2     1  format version: 0x01
 *      3     1  type: 0x01 audio frame, 0x02 call started, 0x03 call ended, 0x04 frame batch
 *      4     1  N: length of the call id in bytes, 1 to 255
 *      5     N  call id, UTF-8 (also the record key)
 * </pre>
 *
 * followed, from offset {@code B = 5 + N}, by the body of its type. An <b>audio frame</b> (346 + N
 * bytes in all):
 *
 * <pre>
 *    B+0     1  leg: 0x01 customer, 0x02 agent
 *    B+1     8  sequence: int64, frame index within the leg, &gt;= 0
 *    B+9     8  mediaTimeMs: int64, &gt;= 0
 *   B+17     1  encoding: 0x01 PCM16 little-endian (written); 0x02 PCM16 big-endian (accepted)
 *   B+18     1  flags: bit 0 concealed (lost audio filled in); the other bits are 0
 *   B+19     2  sample count: uint16, always 160 (20 ms at 8 kHz)
 *   B+21   320  the samples, signed 16-bit, in the byte order of the encoding
 * </pre>
 *
 * A <b>frame batch</b> ({@link FrameBatch}: 24 + N + 323 F bytes) carries F consecutive frames of
 * one leg; frame i has sequence + i and mediaTimeMs + 20 i:
 *
 * <pre>
 *    B+0     1  leg, as in a frame
 *    B+1     8  sequence of the first frame: int64, &gt;= 0
 *    B+9     8  mediaTimeMs of the first frame: int64, &gt;= 0
 *   B+17     1  encoding, as in a frame
 *   B+18     1  F: frames, 1 to 50; then F times:
 *                 1  flags, as in a frame
 *                 2  capture offset: uint16 ms after the first frame's capture, never decreasing
 *               320  the samples (160), in the byte order of the encoding
 * </pre>
 *
 * Readers that predate the frame batch reject it as an unknown type: upgrade the processors before
 * ingest starts batching.
 *
 * <p>A <b>call started</b>:
 *
 * <pre>
 *    B+0     8  startedAt: int64 seconds since the epoch (UTC)
 *    B+8     4  startedAt: int32 nanoseconds, 0 to 999,999,999
 *   B+12     1  legs: bit 0 customer, bit 1 agent; the other bits are 0
 *   B+13     1  M: metadata entries, 0 to 64; then M entries, keys distinct, written sorted:
 *                 1  K: key length, 1 to 255;   K  key, UTF-8
 *                 2  V: value length, 0 to 1024 (uint16);   V  value, UTF-8
 * </pre>
 *
 * A <b>call ended</b> (18 + N bytes): {@code B+0} 8 bytes and {@code B+8} 4 bytes endedAt as above,
 * {@code B+12} 1 byte reason: 0x01 hangup, 0x02 media timeout, 0x03 shutdown.
 *
 * <p>Nothing may follow the body. {@link #decode} checks every length, code and range and throws
 * {@link AudioCodecException} for anything else; strings must be well-formed UTF-8.
 */
public final class AudioMessageCodec {
  public static final byte MAGIC_0 = 0x54;
  public static final byte MAGIC_1 = 0x57;
  public static final int VERSION = 1;
  public static final int TYPE_FRAME = 1;
  public static final int TYPE_CALL_STARTED = 2;
  public static final int TYPE_CALL_ENDED = 3;
  public static final int TYPE_FRAME_BATCH = 4;
  public static final int ENCODING_PCM16_LE = 1;
  public static final int ENCODING_PCM16_BE = 2;
  public static final int MAX_METADATA_ENTRIES = 64;
  public static final int MAX_METADATA_KEY_BYTES = 255;
  public static final int MAX_METADATA_VALUE_BYTES = 1024;

  static final int FLAG_CONCEALED = 1;

  private AudioMessageCodec() {}

  /**
   * The bytes of {@code message}; throws {@link AudioCodecException} if its metadata is too big.
   */
  public static byte[] encode(AudioMessage message) {
    byte[] callId = utf8(message.callId(), "callId");
    if (message instanceof AudioFrame frame) {
      return encodeFrame(frame, callId);
    }
    if (message instanceof FrameBatch batch) {
      return encodeBatch(batch, callId);
    }
    if (message instanceof CallStarted started) {
      return encodeStarted(started, callId);
    }
    return encodeEnded((CallEnded) message, callId);
  }

  private static ByteBuffer header(int type, byte[] callId, int bodyBytes) {
    ByteBuffer out = ByteBuffer.allocate(5 + callId.length + bodyBytes);
    return out.put(MAGIC_0)
        .put(MAGIC_1)
        .put((byte) VERSION)
        .put((byte) type)
        .put((byte) callId.length)
        .put(callId);
  }

  private static byte[] encodeFrame(AudioFrame frame, byte[] callId) {
    ByteBuffer out = header(TYPE_FRAME, callId, 21 + 2 * AudioFrame.SAMPLES);
    out.put(legCode(frame.leg())).putLong(frame.sequence()).putLong(frame.mediaTimeMs());
    out.put((byte) ENCODING_PCM16_LE).put((byte) (frame.concealed() ? FLAG_CONCEALED : 0));
    out.putShort((short) AudioFrame.SAMPLES);
    putSamples(out, frame);
    return out.array();
  }

  private static byte[] encodeBatch(FrameBatch batch, byte[] callId) {
    List<AudioFrame> frames = batch.frames();
    AudioFrame first = frames.get(0);
    ByteBuffer out =
        header(TYPE_FRAME_BATCH, callId, 19 + frames.size() * (3 + 2 * AudioFrame.SAMPLES));
    out.put(legCode(first.leg())).putLong(first.sequence()).putLong(first.mediaTimeMs());
    out.put((byte) ENCODING_PCM16_LE).put((byte) frames.size());
    for (int i = 0; i < frames.size(); i++) {
      AudioFrame frame = frames.get(i);
      out.put((byte) (frame.concealed() ? FLAG_CONCEALED : 0));
      out.putShort((short) batch.captureOffsetsMs()[i]);
      putSamples(out, frame);
    }
    return out.array();
  }

  private static void putSamples(ByteBuffer out, AudioFrame frame) {
    for (short sample : frame.samples()) {
      out.put((byte) sample).put((byte) (sample >> 8));
    }
  }

  private static byte[] encodeStarted(CallStarted started, byte[] callId) {
    Map<String, String> metadata = new TreeMap<>(started.metadata());
    if (metadata.size() > MAX_METADATA_ENTRIES) {
      throw new AudioCodecException(
          "metadata has " + metadata.size() + " entries, at most " + MAX_METADATA_ENTRIES);
    }
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    int bodyBytes = 14;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      byte[] key = utf8(entry.getKey(), "metadata key");
      byte[] value = utf8(entry.getValue(), "metadata value '" + entry.getKey() + "'");
      if (key.length == 0 || key.length > MAX_METADATA_KEY_BYTES) {
        throw new AudioCodecException(
            "metadata key '" + entry.getKey() + "' must be 1 to 255 bytes of UTF-8");
      }
      if (value.length > MAX_METADATA_VALUE_BYTES) {
        throw new AudioCodecException(
            "metadata value of '"
                + entry.getKey()
                + "' is "
                + value.length
                + " bytes, at most "
                + MAX_METADATA_VALUE_BYTES);
      }
      keys.add(key);
      values.add(value);
      bodyBytes += 3 + key.length + value.length;
    }
    ByteBuffer out = header(TYPE_CALL_STARTED, callId, bodyBytes);
    putInstant(out, started.startedAt());
    int legs = 0;
    for (Leg leg : started.legs()) {
      legs |= 1 << (legCode(leg) - 1);
    }
    out.put((byte) legs).put((byte) keys.size());
    for (int i = 0; i < keys.size(); i++) {
      out.put((byte) keys.get(i).length).put(keys.get(i));
      out.putShort((short) values.get(i).length).put(values.get(i));
    }
    return out.array();
  }

  private static byte[] encodeEnded(CallEnded ended, byte[] callId) {
    ByteBuffer out = header(TYPE_CALL_ENDED, callId, 13);
    putInstant(out, ended.endedAt());
    out.put((byte) reasonCode(ended.reason()));
    return out.array();
  }

  private static void putInstant(ByteBuffer out, Instant instant) {
    out.putLong(instant.getEpochSecond()).putInt(instant.getNano());
  }

  static int reasonCode(EndReason reason) {
    return switch (reason) {
      case HANGUP -> 1;
      case MEDIA_TIMEOUT -> 2;
      case SHUTDOWN -> 3;
    };
  }

  static byte legCode(Leg leg) {
    return (byte) (leg == Leg.CUSTOMER ? 1 : 2);
  }

  private static byte[] utf8(String text, String field) {
    try {
      ByteBuffer bytes =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new AudioCodecException(field + " is not encodable as UTF-8", e);
    }
  }

  /** The message in {@code bytes}; throws {@link AudioCodecException} saying what was wrong. */
  public static AudioMessage decode(byte[] bytes) {
    return AudioMessageDecoder.decode(bytes);
  }

  /**
   * The messages in {@code bytes} for readers that do not care how frames were grouped: a frame
   * batch as its frames, anything else as itself.
   */
  public static List<AudioMessage> decodeFrames(byte[] bytes) {
    AudioMessage message = decode(bytes);
    return message instanceof FrameBatch batch ? List.copyOf(batch.frames()) : List.of(message);
  }
}
