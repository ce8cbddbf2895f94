package io.tonewatch.media.wav;

import static io.tonewatch.media.wav.WavBytes.ascii;
import static io.tonewatch.media.wav.WavBytes.extensibleFmt;
import static io.tonewatch.media.wav.WavBytes.f32;
import static io.tonewatch.media.wav.WavBytes.fmt;
import static io.tonewatch.media.wav.WavBytes.guid;
import static io.tonewatch.media.wav.WavBytes.le16;
import static io.tonewatch.media.wav.WavBytes.le24;
import static io.tonewatch.media.wav.WavBytes.le32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.media.codec.G711;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WavReaderTest {

  private static final String NAME = "calls/bad.wav";

  @Test
  void readsUnsignedEightBitPcmAroundTheMidpoint() throws IOException {
    byte[] data = {(byte) 0x80, 0x00, (byte) 0xFF, (byte) 0x81};
    PcmAudio audio = read(new WavBytes().chunk("fmt ", fmt(1, 1, 8000, 1, 8)).chunk("data", data));

    assertEquals(8000, audio.sampleRateHz());
    assertArrayEquals(new short[] {0, -32768, 32512, 256}, audio.channel(0));
  }

  @Test
  void readsSixteenBitPcm() throws IOException {
    byte[] data = le16(0, 1, -1, 32767, -32768, 0x1234);
    PcmAudio audio =
        read(new WavBytes().chunk("fmt ", fmt(1, 1, 16000, 2, 16)).chunk("data", data));

    assertArrayEquals(new short[] {0, 1, -1, 32767, -32768, 0x1234}, audio.channel(0));
  }

  @Test
  void roundsTwentyFourBitPcmToTheNearestSixteenBitValue() throws IOException {
    byte[] data = le24(0x123456, 0x1234C0, 0x7FFFFF, -0x800000, -1, -0x180);
    PcmAudio audio =
        read(new WavBytes().chunk("fmt ", fmt(1, 1, 48000, 3, 24)).chunk("data", data));

    assertArrayEquals(new short[] {0x1234, 0x1235, 32767, -32768, 0, -1}, audio.channel(0));
  }

  @Test
  void roundsThirtyTwoBitPcmToTheNearestSixteenBitValue() throws IOException {
    byte[] data = le32(0x7FFFFFFF, 0x80000000, 0x00010000, 0x00008000, 0x00007FFF, -0x00018000);
    PcmAudio audio =
        read(new WavBytes().chunk("fmt ", fmt(1, 1, 48000, 4, 32)).chunk("data", data));

    assertArrayEquals(new short[] {32767, -32768, 1, 1, 0, -1}, audio.channel(0));
  }

  @Test
  void scalesFloatSamplesAndClampsThoseOutOfRange() throws IOException {
    byte[] data = f32(0.5f, -0.25f, -1f, 1f, 2.5f, -3f, Float.NaN, 1e-6f);
    PcmAudio audio =
        read(new WavBytes().chunk("fmt ", fmt(3, 1, 44100, 4, 32)).chunk("data", data));

    assertArrayEquals(
        new short[] {16384, -8192, -32768, 32767, 32767, -32768, 0, 0}, audio.channel(0));
  }

  @Test
  void decodesMuLawAndALawWithG711() throws IOException {
    byte[] codes = new byte[256];
    short[] ulaw = new short[256];
    short[] alaw = new short[256];
    for (int code = 0; code < 256; code++) {
      codes[code] = (byte) code;
      ulaw[code] = G711.ulawToLinear((byte) code);
      alaw[code] = G711.alawToLinear((byte) code);
    }
    PcmAudio mono = read(new WavBytes().chunk("fmt ", fmt(7, 1, 8000, 1, 8)).chunk("data", codes));
    PcmAudio stereo =
        read(new WavBytes().chunk("fmt ", fmt(6, 2, 8000, 2, 8)).chunk("data", codes));

    assertArrayEquals(ulaw, mono.channel(0));
    for (int frame = 0; frame < 128; frame++) {
      assertEquals(alaw[2 * frame], stereo.channel(0)[frame]);
      assertEquals(alaw[2 * frame + 1], stereo.channel(1)[frame]);
    }
  }

  @Test
  void readsExtensiblePcmFloatAndMuLawSubformats() throws IOException {
    PcmAudio pcm =
        read(
            new WavBytes()
                .chunk("fmt ", extensibleFmt(2, 48000, 24, 24, WavBytes.PCM_GUID))
                .chunk("data", le24(0x010000, -0x020000, 0x030000, -0x040000)));
    PcmAudio twentyBitsIn24 =
        read(
            new WavBytes()
                .chunk("fmt ", extensibleFmt(1, 48000, 24, 20, WavBytes.PCM_GUID))
                .chunk("data", le24(0x123450)));
    PcmAudio flt =
        read(
            new WavBytes()
                .chunk("fmt ", extensibleFmt(1, 32000, 32, 32, WavBytes.FLOAT_GUID))
                .chunk("data", f32(0.125f)));
    PcmAudio ulaw =
        read(
            new WavBytes()
                .chunk("fmt ", extensibleFmt(1, 8000, 8, 8, guid(7)))
                .chunk("data", new byte[] {0x00, (byte) 0xFF}));

    assertEquals(new PcmAudio(48000, new short[][] {{256, 768}, {-512, -1024}}), pcm);
    assertArrayEquals(new short[] {0x1234}, twentyBitsIn24.channel(0));
    assertEquals(PcmAudio.mono(32000, new short[] {4096}), flt);
    assertArrayEquals(new short[] {-32124, 0}, ulaw.channel(0));
  }

  @Test
  void deinterleavesEightChannels() throws IOException {
    int channels = 8;
    int frames = 5000; // more than one read buffer
    int[] interleaved = new int[channels * frames];
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        interleaved[f * channels + c] = c * 1000 - f;
      }
    }
    PcmAudio audio =
        read(
            new WavBytes()
                .chunk("fmt ", fmt(1, channels, 16000, 2 * channels, 16))
                .chunk("data", le16(interleaved)));

    assertEquals(channels, audio.channelCount());
    assertEquals(frames, audio.frameCount());
    for (int c = 0; c < channels; c++) {
      for (int f = 0; f < frames; f++) {
        assertEquals((short) (c * 1000 - f), audio.channel(c)[f]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 11025, 12345, 22050, 96000, 192000})
  void keepsTheFilesOwnSampleRate(int sampleRateHz) throws IOException {
    PcmAudio audio =
        read(
            new WavBytes()
                .chunk("fmt ", fmt(1, 1, sampleRateHz, 2, 16))
                .chunk("data", le16(new int[sampleRateHz])));

    assertEquals(sampleRateHz, audio.sampleRateHz());
    assertEquals(1.0, audio.durationS(), 1e-9);
  }

  @Test
  void skipsUnknownChunksIncludingOddSizedOnesWithTheirPadding() throws IOException {
    PcmAudio audio =
        read(
            new WavBytes()
                .chunk("JUNK", new byte[27])
                .chunk("fmt ", fmt(1, 1, 8000, 2, 16))
                .chunk("LIST", ascii("INFOISFT\3\0\0\0ab"))
                .chunk("fact", le32(3))
                .chunk("bext", new byte[] {1, 2, 3})
                .chunk("data", le16(7, -7, 700))
                .chunk("id3 ", new byte[9]));

    assertArrayEquals(new short[] {7, -7, 700}, audio.channel(0));
  }

  @Test
  void usesAFmtChunkLongerThanSixteenBytes() throws IOException {
    byte[] fmt18 = new byte[18];
    System.arraycopy(fmt(1, 1, 8000, 2, 16), 0, fmt18, 0, 16);
    PcmAudio audio = read(new WavBytes().chunk("fmt ", fmt18).chunk("data", le16(5)));

    assertArrayEquals(new short[] {5}, audio.channel(0));
  }

  @Test
  void readsWhatIsThereWhenTheDataChunkIsShorterThanDeclared() throws IOException {
    int[] samples = new int[21]; // 10 stereo frames and half of one more
    for (int i = 0; i < samples.length; i++) {
      samples[i] = i;
    }
    PcmAudio audio =
        read(
            new WavBytes().chunk("fmt ", fmt(1, 2, 8000, 4, 16)).chunk("data", 400, le16(samples)));

    assertEquals(10, audio.frameCount());
    assertEquals(18, audio.channel(0)[9]);
    assertEquals(19, audio.channel(1)[9]);
  }

  @Test
  void stopsAtTheDeclaredSizeAndDropsAPartialLastFrame() throws IOException {
    PcmAudio audio =
        read(
            new WavBytes()
                .chunk("fmt ", fmt(1, 2, 8000, 4, 16))
                .chunk("data", 7, le16(1, 2, 3, 4))
                .raw(new byte[1]));

    assertEquals(new PcmAudio(8000, new short[][] {{1}, {2}}), audio);
  }

  @Test
  void readsToTheEndWhenTheDataSizeIsUnknown() throws IOException {
    int[] samples = new int[70_001];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = i % 30000;
    }
    PcmAudio audio =
        read(
            new WavBytes()
                .chunk("fmt ", fmt(1, 1, 8000, 2, 16))
                .chunk("data", 0xFFFFFFFFL, le16(samples)));

    assertEquals(samples.length, audio.frameCount());
    assertEquals(70_000 % 30000, audio.channel(0)[70_000]);
  }

  @Test
  void readsToTheEndWhenAStreamingWriterLeftTheDataSizeAtZero() throws IOException {
    PcmAudio audio =
        read(new WavBytes().chunk("fmt ", fmt(1, 1, 8000, 2, 16)).chunk("data", 0, le16(5, -6, 7)));

    assertEquals(new PcmAudio(8000, new short[][] {{5, -6, 7}}), audio);
  }

  @Test
  void readsAnEmptyDataChunkAsNoFrames() throws IOException {
    PcmAudio audio =
        read(new WavBytes().chunk("fmt ", fmt(1, 2, 8000, 4, 16)).chunk("data", new byte[0]));

    assertEquals(2, audio.channelCount());
    assertEquals(0, audio.frameCount());
  }

  @Test
  void readsAFileFromItsPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("call.wav");
    Files.write(
        file, new WavBytes().chunk("fmt ", fmt(1, 1, 8000, 2, 16)).chunk("data", le16(3)).build());

    assertEquals(PcmAudio.mono(8000, new short[] {3}), WavReader.read(file));
  }

  @Test
  void namesThePathInErrorsWhenReadingAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("notes.wav");
    Files.writeString(file, "these are my notes");

    WavFormatException error = assertThrows(WavFormatException.class, () -> WavReader.read(file));

    assertEquals(file + " is not a WAV file (no RIFF header)", error.getMessage());
  }

  static Stream<Arguments> malformedFiles() {
    byte[] pcm16 = fmt(1, 1, 8000, 2, 16);
    byte[] samples = le16(1, 2);
    return Stream.of(
        Arguments.of(new byte[0], " is empty, not a WAV file"),
        Arguments.of(ascii("hello, world"), " is not a WAV file (no RIFF header)"),
        Arguments.of(ascii("RI"), " is not a WAV file (no RIFF header)"),
        Arguments.of(ascii("RIFF\0\0"), " is not a WAV file (it ends inside its RIFF header)"),
        Arguments.of(
            new WavBytes().chunk("avih", new byte[4]).withHeader("RIFF", "AVI "),
            " is not a WAV file (its RIFF form is 'AVI ', not 'WAVE')"),
        Arguments.of(
            new WavBytes().withHeader("RIFX", "WAVE"),
            " is a big-endian RIFX file, which tonewatch cannot read; convert it to a little-endian WAV"),
        Arguments.of(
            new WavBytes().withHeader("RF64", "WAVE"),
            " is an RF64 file, which tonewatch cannot read; convert it to a plain RIFF WAV"),
        Arguments.of(new WavBytes().build(), " has no fmt chunk"),
        Arguments.of(new WavBytes().chunk("LIST", new byte[4]).build(), " has no fmt chunk"),
        Arguments.of(new WavBytes().chunk("fmt ", pcm16).build(), " has no data chunk"),
        Arguments.of(
            new WavBytes().chunk("fmt ", pcm16).raw(ascii("dat")).build(), " has no data chunk"),
        Arguments.of(
            new WavBytes().chunk("data", samples).chunk("fmt ", pcm16).build(),
            " has its data chunk before its fmt chunk"),
        Arguments.of(
            new WavBytes().chunk("fmt ", new byte[14]).chunk("data", samples).build(),
            " has a fmt chunk of only 14 bytes, too short to describe audio"),
        Arguments.of(
            new WavBytes().chunk("fmt ", 16, new byte[10]).build(), " ends inside its fmt chunk"),
        Arguments.of(
            new WavBytes().chunk("fmt ", pcm16).chunk("LIST", 100, new byte[10]).build(),
            " ends inside its 'LIST' chunk before any audio data"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(0x55, 1, 8000, 1, 0)).chunk("data", samples).build(),
            " uses MP3 encoding (format tag 0x0055), which tonewatch cannot read;"
                + " convert it to 16-bit PCM, mu-law or A-law"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(0x1234, 1, 8000, 2, 16)).build(),
            " uses format tag 0x1234, which tonewatch cannot read;"
                + " convert it to 16-bit PCM, mu-law or A-law"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(1, 1, 8000, 2, 12)).build(),
            " uses 12-bit PCM encoding, which tonewatch cannot read;"
                + " convert it to 16-bit PCM, mu-law or A-law"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(3, 1, 8000, 8, 64)).build(),
            " uses 64-bit float encoding, which tonewatch cannot read;"
                + " convert it to 16-bit PCM, mu-law or A-law"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(3, 1, 8000, 3, 24)).build(),
            " uses 24-bit float encoding, which tonewatch cannot read;"
                + " convert it to 16-bit PCM, mu-law or A-law"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(7, 1, 8000, 2, 16)).build(),
            " uses 16-bit mu-law encoding, which tonewatch cannot read;"
                + " convert it to 16-bit PCM, mu-law or A-law"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(1, 0, 8000, 0, 16)).build(),
            " has 0 channels; tonewatch reads 1 to 8"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(1, 9, 8000, 18, 16)).build(),
            " has 9 channels; tonewatch reads 1 to 8"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(1, 1, 0, 2, 16)).build(),
            " declares a sample rate of 0 Hz"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(1, 2, 8000, 3, 16)).build(),
            " declares 3 bytes per frame, but 2 channels of 16-bit samples take 4"),
        Arguments.of(
            new WavBytes().chunk("fmt ", fmt(0xFFFE, 1, 8000, 2, 16)).build(),
            " declares WAVE_FORMAT_EXTENSIBLE but its fmt chunk of 16 bytes is too short"
                + " to hold the subformat"),
        Arguments.of(
            new WavBytes().chunk("fmt ", extensibleFmt(1, 8000, 16, 16, sequentialGuid())).build(),
            " uses the unknown subformat {03020100-0504-0706-0809-0A0B0C0D0E0F}, which"
                + " tonewatch cannot read; convert it to 16-bit PCM, mu-law or A-law"),
        Arguments.of(
            new WavBytes().chunk("fmt ", extensibleFmt(1, 8000, 8, 8, guid(0x0031))).build(),
            " uses GSM 6.10 encoding (format tag 0x0031), which tonewatch cannot read;"
                + " convert it to 16-bit PCM, mu-law or A-law"));
  }

  @ParameterizedTest
  @MethodSource("malformedFiles")
  void rejectsMalformedOrUnsupportedFilesWithOneSentenceNamingTheFile(byte[] file, String problem) {
    WavFormatException error =
        assertThrows(
            WavFormatException.class, () -> WavReader.read(new ByteArrayInputStream(file), NAME));

    assertEquals(NAME + problem, error.getMessage());
    assertFalse(error.getMessage().contains("\n"));
    assertFalse(error.getMessage().contains(". "), "one sentence");
  }

  @Test
  void keepsTheEndOfFileAsTheCauseOfATruncatedChunk() {
    byte[] file = new WavBytes().chunk("JUNK", 1000, new byte[3]).build();

    WavFormatException error =
        assertThrows(
            WavFormatException.class, () -> WavReader.read(new ByteArrayInputStream(file), NAME));

    assertTrue(error.getCause() instanceof EOFException);
  }

  private static PcmAudio read(WavBytes file) throws IOException {
    return WavReader.read(new ByteArrayInputStream(file.build()), NAME);
  }

  private static byte[] sequentialGuid() {
    byte[] guid = new byte[16];
    for (int i = 0; i < guid.length; i++) {
      guid[i] = (byte) i;
    }
    return guid;
  }
}
