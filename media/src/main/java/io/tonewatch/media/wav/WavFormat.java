package io.tonewatch.media.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * What a WAV file's fmt chunk says about its samples, limited to the encodings tonewatch reads.
 *
 * @param encoding how one sample is stored
 * @param channelCount interleaved channels, 1 to {@link #MAX_CHANNELS}
 * @param sampleRateHz samples per second in each channel
 */
record WavFormat(Encoding encoding, int channelCount, int sampleRateHz) {

  static final int MAX_CHANNELS = 8;

  static final int TAG_PCM = 0x0001;
  static final int TAG_IEEE_FLOAT = 0x0003;
  static final int TAG_ALAW = 0x0006;
  static final int TAG_MULAW = 0x0007;
  static final int TAG_EXTENSIBLE = 0xFFFE;

  /** WAVEFORMATEX (18 bytes) + valid bits, channel mask and the 16-byte subformat GUID. */
  private static final int EXTENSIBLE_FMT_BYTES = 40;

  /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID that wraps a plain format tag. */
  private static final byte[] SUBFORMAT_GUID_TAIL = {
    0x00,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    (byte) 0x80,
    0x00,
    0x00,
    (byte) 0xAA,
    0x00,
    0x38,
    (byte) 0x9B,
    0x71
  };

  private static final String CONVERT_HINT =
      ", which tonewatch cannot read; convert it to 16-bit PCM, mu-law or A-law";

  private static final Map<Integer, String> OTHER_CODEC_NAMES =
      Map.of(
          0x0002, "Microsoft ADPCM",
          0x0011, "IMA ADPCM",
          0x0022, "TrueSpeech",
          0x0031, "GSM 6.10",
          0x0050, "MPEG audio",
          0x0055, "MP3");

  /** The sample encodings tonewatch decodes. */
  enum Encoding {
    PCM_U8(1),
    PCM_S16(2),
    PCM_S24(3),
    PCM_S32(4),
    FLOAT32(4),
    ALAW(1),
    MULAW(1);

    final int bytesPerSample;

    Encoding(int bytesPerSample) {
      this.bytesPerSample = bytesPerSample;
    }
  }

  int frameBytes() {
    return channelCount * encoding.bytesPerSample;
  }

  /** Parses the body of a fmt chunk; {@code name} is the file's name for messages. */
  static WavFormat parse(byte[] body, String name) throws WavFormatException {
    if (body.length < 16) {
      throw new WavFormatException(
          name + " has a fmt chunk of only " + body.length + " bytes, too short to describe audio");
    }
    ByteBuffer fmt = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    int tag = Short.toUnsignedInt(fmt.getShort(0));
    int channels = Short.toUnsignedInt(fmt.getShort(2));
    long sampleRateHz = Integer.toUnsignedLong(fmt.getInt(4));
    int blockAlign = Short.toUnsignedInt(fmt.getShort(12));
    int bitsPerSample = Short.toUnsignedInt(fmt.getShort(14));
    if (tag == TAG_EXTENSIBLE) {
      tag = subformatTag(body, name);
    }
    Encoding encoding = encodingOf(tag, bitsPerSample, name);
    if (channels == 0 || channels > MAX_CHANNELS) {
      throw new WavFormatException(
          name + " has " + channels + " channels; tonewatch reads 1 to " + MAX_CHANNELS);
    }
    if (sampleRateHz == 0 || sampleRateHz > Integer.MAX_VALUE) {
      throw new WavFormatException(name + " declares a sample rate of " + sampleRateHz + " Hz");
    }
    WavFormat format = new WavFormat(encoding, channels, (int) sampleRateHz);
    if (blockAlign != format.frameBytes()) {
      throw new WavFormatException(
          String.format(
              "%s declares %d bytes per frame, but %d channels of %d-bit samples take %d",
              name, blockAlign, channels, bitsPerSample, format.frameBytes()));
    }
    return format;
  }

  /** WAVE_FORMAT_EXTENSIBLE carries the real format tag in the first two bytes of a GUID. */
  private static int subformatTag(byte[] body, String name) throws WavFormatException {
    if (body.length < EXTENSIBLE_FMT_BYTES) {
      throw new WavFormatException(
          name
              + " declares WAVE_FORMAT_EXTENSIBLE but its fmt chunk of "
              + body.length
              + " bytes is too short to hold the subformat");
    }
    int guidStart = EXTENSIBLE_FMT_BYTES - 16;
    for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
      if (body[guidStart + 2 + i] != SUBFORMAT_GUID_TAIL[i]) {
        throw new WavFormatException(
            name + " uses the unknown subformat " + guidText(body, guidStart) + CONVERT_HINT);
      }
    }
    return (body[guidStart] & 0xFF) | (body[guidStart + 1] & 0xFF) << 8;
  }

  private static Encoding encodingOf(int tag, int bitsPerSample, String name)
      throws WavFormatException {
    Encoding encoding =
        switch (tag) {
          case TAG_PCM ->
              switch (bitsPerSample) {
                case 8 -> Encoding.PCM_U8;
                case 16 -> Encoding.PCM_S16;
                case 24 -> Encoding.PCM_S24;
                case 32 -> Encoding.PCM_S32;
                default -> null;
              };
          case TAG_IEEE_FLOAT -> bitsPerSample == 32 ? Encoding.FLOAT32 : null;
          case TAG_ALAW -> bitsPerSample == 8 ? Encoding.ALAW : null;
          case TAG_MULAW -> bitsPerSample == 8 ? Encoding.MULAW : null;
          default -> throw unknownCodec(tag, name);
        };
    if (encoding == null) {
      String kind =
          switch (tag) {
            case TAG_PCM -> "PCM";
            case TAG_IEEE_FLOAT -> "float";
            case TAG_ALAW -> "A-law";
            default -> "mu-law";
          };
      throw new WavFormatException(
          name + " uses " + bitsPerSample + "-bit " + kind + " encoding" + CONVERT_HINT);
    }
    return encoding;
  }

  private static WavFormatException unknownCodec(int tag, String name) {
    String codec = OTHER_CODEC_NAMES.get(tag);
    String tagText = String.format("format tag 0x%04X", tag);
    return new WavFormatException(
        name
            + " uses "
            + (codec == null ? tagText : codec + " encoding (" + tagText + ")")
            + CONVERT_HINT);
  }

  /**
   * Registry form {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}; the first three fields are little-endian.
   */
  private static String guidText(byte[] b, int at) {
    ByteBuffer le = ByteBuffer.wrap(b, at, 8).order(ByteOrder.LITTLE_ENDIAN);
    StringBuilder text =
        new StringBuilder(
            String.format(
                "{%08X-%04X-%04X-", le.getInt(at), le.getShort(at + 4), le.getShort(at + 6)));
    for (int i = 8; i < 16; i++) {
      if (i == 10) {
        text.append('-');
      }
      text.append(String.format("%02X", b[at + i]));
    }
    return text.append('}').toString();
  }
}
