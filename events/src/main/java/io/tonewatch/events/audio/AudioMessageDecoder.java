package io.tonewatch.events.audio;

import static io.tonewatch.events.audio.AudioMessageCodec.ENCODING_PCM16_BE;
import static io.tonewatch.events.audio.AudioMessageCodec.ENCODING_PCM16_LE;
import static io.tonewatch.events.audio.AudioMessageCodec.FLAG_CONCEALED;
import static io.tonewatch.events.audio.AudioMessageCodec.MAX_METADATA_ENTRIES;
import static io.tonewatch.events.audio.AudioMessageCodec.MAX_METADATA_VALUE_BYTES;

import io.tonewatch.events.Leg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The decoding half of {@link AudioMessageCodec}: every length, code and range checked. */
final class AudioMessageDecoder {
  private AudioMessageDecoder() {}

  static AudioMessage decode(byte[] bytes) {
    if (bytes == null) {
      throw new AudioCodecException("no bytes (null value)");
    }
    WireReader in = new WireReader(bytes);
    if (in.u8("magic") != (AudioMessageCodec.MAGIC_0 & 0xFF)
        || in.u8("magic") != (AudioMessageCodec.MAGIC_1 & 0xFF)) {
      throw new AudioCodecException("not an audio message: bad magic at byte 0");
    }
    int version = in.u8("version");
    if (version != AudioMessageCodec.VERSION) {
      throw new AudioCodecException("unsupported format version " + version + " at byte 2");
    }
    int type = in.u8("type");
    int callIdBytes = in.u8("call id length");
    if (callIdBytes == 0) {
      throw new AudioCodecException("empty call id at byte 4");
    }
    String callId = in.utf8(callIdBytes, "call id");
    AudioMessage message;
    try {
      message =
          switch (type) {
            case AudioMessageCodec.TYPE_FRAME -> frame(in, callId);
            case AudioMessageCodec.TYPE_FRAME_BATCH -> batch(in, callId);
            case AudioMessageCodec.TYPE_CALL_STARTED -> started(in, callId);
            case AudioMessageCodec.TYPE_CALL_ENDED -> ended(in, callId);
            default -> throw new AudioCodecException("unknown message type " + type + " at byte 3");
          };
    } catch (IllegalArgumentException e) {
      throw new AudioCodecException("invalid message: " + e.getMessage(), e);
    }
    in.requireEnd();
    return message;
  }

  private static AudioFrame frame(WireReader in, String callId) {
    Leg leg = leg(in);
    long sequence = nonNegative(in, "sequence");
    long mediaTimeMs = nonNegative(in, "mediaTimeMs");
    boolean littleEndian = encoding(in);
    boolean concealed = flags(in);
    int at = in.offset();
    int count = in.u16("sample count");
    if (count != AudioFrame.SAMPLES) {
      throw in.error("sample count " + count + " (expected " + AudioFrame.SAMPLES + ")", at);
    }
    short[] samples = in.samples(count, littleEndian);
    return new AudioFrame(callId, leg, sequence, mediaTimeMs, concealed, samples);
  }

  private static FrameBatch batch(WireReader in, String callId) {
    Leg leg = leg(in);
    long sequence = nonNegative(in, "sequence");
    long mediaTimeMs = nonNegative(in, "mediaTimeMs");
    boolean littleEndian = encoding(in);
    int at = in.offset();
    int count = in.u8("frame count");
    if (count == 0 || count > FrameBatch.MAX_FRAMES) {
      throw in.error("frame count " + count + " (1 to " + FrameBatch.MAX_FRAMES + ")", at);
    }
    if (sequence > Long.MAX_VALUE - count
        || mediaTimeMs > Long.MAX_VALUE - (long) count * AudioFrame.FRAME_MILLIS) {
      throw in.error("sequence or mediaTimeMs too large for " + count + " frames", at);
    }
    List<AudioFrame> frames = new ArrayList<>(count);
    int[] captureOffsetsMs = new int[count];
    for (int i = 0; i < count; i++) {
      boolean concealed = flags(in);
      at = in.offset();
      captureOffsetsMs[i] = in.u16("capture offset");
      if (i > 0 && captureOffsetsMs[i] < captureOffsetsMs[i - 1]) {
        throw in.error("capture offset " + captureOffsetsMs[i] + " ms goes back", at);
      }
      short[] samples = in.samples(AudioFrame.SAMPLES, littleEndian);
      long mediaMs = mediaTimeMs + (long) i * AudioFrame.FRAME_MILLIS;
      frames.add(new AudioFrame(callId, leg, sequence + i, mediaMs, concealed, samples));
    }
    return new FrameBatch(frames, captureOffsetsMs);
  }

  private static long nonNegative(WireReader in, String field) {
    int at = in.offset();
    long value = in.i64(field);
    if (value < 0) {
      throw in.error("negative " + field + " " + value, at);
    }
    return value;
  }

  /** True for little-endian samples. */
  private static boolean encoding(WireReader in) {
    int at = in.offset();
    int encoding = in.u8("encoding");
    if (encoding != ENCODING_PCM16_LE && encoding != ENCODING_PCM16_BE) {
      throw in.error("unknown encoding " + encoding, at);
    }
    return encoding == ENCODING_PCM16_LE;
  }

  /** True when the frame is concealed. */
  private static boolean flags(WireReader in) {
    int at = in.offset();
    int flags = in.u8("flags");
    if ((flags & ~FLAG_CONCEALED) != 0) {
      throw in.error("unknown flags 0x" + Integer.toHexString(flags), at);
    }
    return flags != 0;
  }

  private static Leg leg(WireReader in) {
    int at = in.offset();
    int code = in.u8("leg");
    return switch (code) {
      case 1 -> Leg.CUSTOMER;
      case 2 -> Leg.AGENT;
      default -> throw in.error("unknown leg code " + code, at);
    };
  }

  private static CallStarted started(WireReader in, String callId) {
    Instant startedAt = in.instant("startedAt");
    int at = in.offset();
    int legBits = in.u8("legs");
    if ((legBits & ~0b11) != 0) {
      throw in.error("unknown leg bits 0x" + Integer.toHexString(legBits), at);
    }
    Set<Leg> legs = EnumSet.noneOf(Leg.class);
    if ((legBits & 1) != 0) {
      legs.add(Leg.CUSTOMER);
    }
    if ((legBits & 2) != 0) {
      legs.add(Leg.AGENT);
    }
    at = in.offset();
    int entries = in.u8("metadata count");
    if (entries > MAX_METADATA_ENTRIES) {
      throw in.error(entries + " metadata entries, at most " + MAX_METADATA_ENTRIES, at);
    }
    Map<String, String> metadata = new HashMap<>();
    for (int i = 0; i < entries; i++) {
      at = in.offset();
      int keyBytes = in.u8("metadata key length");
      if (keyBytes == 0) {
        throw in.error("empty metadata key", at);
      }
      String key = in.utf8(keyBytes, "metadata key");
      int valueAt = in.offset();
      int valueBytes = in.u16("metadata value length");
      if (valueBytes > MAX_METADATA_VALUE_BYTES) {
        throw in.error(
            "metadata value of " + valueBytes + " bytes, at most " + MAX_METADATA_VALUE_BYTES,
            valueAt);
      }
      if (metadata.put(key, in.utf8(valueBytes, "metadata value")) != null) {
        throw in.error("duplicate metadata key '" + key + "'", at);
      }
    }
    return new CallStarted(callId, startedAt, legs, metadata);
  }

  private static CallEnded ended(WireReader in, String callId) {
    Instant endedAt = in.instant("endedAt");
    int at = in.offset();
    int code = in.u8("reason");
    for (EndReason reason : EndReason.values()) {
      if (AudioMessageCodec.reasonCode(reason) == code) {
        return new CallEnded(callId, endedAt, reason);
      }
    }
    throw in.error("unknown end reason " + code, at);
  }
}
