package io.tonewatch.media.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tonewatch.media.codec.G711;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

  @TempDir Path dir;

  @Test
  void writesMonoAndStereoPcmThatReadsBackExactly() throws IOException {
    List<PcmAudio> audios =
        List.of(
            PcmAudio.mono(8000, noise(100_003, 1)),
            new PcmAudio(44100, new short[][] {noise(50_000, 2), noise(50_000, 3)}));
    for (PcmAudio audio : audios) {
      Path file = dir.resolve(audio.channelCount() + "-channels.wav");

      WavWriter.write(file, audio);

      assertEquals(audio, WavReader.read(file), audio.channelCount() + " channels");
    }
  }

  @Test
  void writesMuLawThatReadsBackAsTheG711RoundTripOfEachSample() throws IOException {
    PcmAudio audio = new PcmAudio(8000, new short[][] {noise(9_999, 4), noise(9_999, 5)});
    Path file = dir.resolve("ulaw.wav");

    WavWriter.writeUlaw(file, audio);
    PcmAudio back = WavReader.read(file);

    assertEquals(audio.sampleRateHz(), back.sampleRateHz());
    for (int c = 0; c < 2; c++) {
      short[] expected = new short[audio.frameCount()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = G711.ulawToLinear(G711.linearToUlaw(audio.channel(c)[i]));
      }
      assertArrayEquals(expected, back.channel(c));
    }
  }

  @Test
  void writesALawThatReadsBackAsTheG711RoundTripOfEachSample() throws IOException {
    PcmAudio audio = PcmAudio.mono(8000, noise(10_001, 6));
    Path file = dir.resolve("alaw.wav");

    WavWriter.writeAlaw(file, audio);
    PcmAudio back = WavReader.read(file);

    short[] expected = new short[audio.frameCount()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = G711.alawToLinear(G711.linearToAlaw(audio.channel(0)[i]));
    }
    assertArrayEquals(expected, back.channel(0));
  }

  @Test
  void writesTheCanonicalFortyFourByteHeaderForPcm() throws IOException {
    Path file = dir.resolve("header.wav");

    WavWriter.write(file, new PcmAudio(16000, new short[][] {{1, 2, 3}, {4, 5, 6}}));

    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(44 + 12, bytes.capacity());
    assertEquals("RIFF", fourCc(bytes, 0));
    assertEquals(bytes.capacity() - 8, bytes.getInt(4));
    assertEquals("WAVE", fourCc(bytes, 8));
    assertEquals("fmt ", fourCc(bytes, 12));
    assertEquals(16, bytes.getInt(16));
    assertEquals(1, bytes.getShort(20)); // PCM
    assertEquals(2, bytes.getShort(22));
    assertEquals(16000, bytes.getInt(24));
    assertEquals(64000, bytes.getInt(28));
    assertEquals(4, bytes.getShort(32));
    assertEquals(16, bytes.getShort(34));
    assertEquals("data", fourCc(bytes, 36));
    assertEquals(12, bytes.getInt(40));
    assertEquals(1, bytes.getShort(44)); // frame 0 left
    assertEquals(4, bytes.getShort(46)); // frame 0 right
    assertEquals(2, bytes.getShort(48)); // frame 1 left
  }

  @Test
  void writesG711WithAFactChunkAndPadsAnOddDataChunk() throws IOException {
    Path file = dir.resolve("odd.wav");

    WavWriter.writeUlaw(file, PcmAudio.mono(8000, new short[] {0, 100, -100}));

    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0, bytes.capacity() % 2);
    assertEquals(bytes.capacity() - 8, bytes.getInt(4));
    assertEquals(18, bytes.getInt(16));
    assertEquals(7, bytes.getShort(20)); // mu-law
    assertEquals(8, bytes.getShort(34));
    assertEquals(0, bytes.getShort(36)); // cbSize
    assertEquals("fact", fourCc(bytes, 38));
    assertEquals(3, bytes.getInt(46));
    assertEquals("data", fourCc(bytes, 50));
    assertEquals(3, bytes.getInt(54));
  }

  @Test
  void writesPcmTheJdkReadsAlike() throws Exception {
    short[] left = noise(2000, 7);
    short[] right = noise(2000, 8);
    Path file = dir.resolve("jdk.wav");

    WavWriter.write(file, new PcmAudio(22050, new short[][] {left, right}));

    try (AudioInputStream jdk = AudioSystem.getAudioInputStream(file.toFile())) {
      AudioFormat format = jdk.getFormat();
      assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
      assertEquals(22050f, format.getSampleRate());
      assertEquals(2, format.getChannels());
      ByteBuffer pcm = ByteBuffer.wrap(jdk.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      for (int f = 0; f < left.length; f++) {
        assertEquals(left[f], pcm.getShort());
        assertEquals(right[f], pcm.getShort());
      }
    }
  }

  @Test
  void readsPcmAndMuLawTheJdkWrote() throws Exception {
    // The JDK's mu-law encoder wraps samples beyond +-32635 to silence; stay below that.
    short[] samples = noise(3000, 9);
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (samples[i] / 2);
    }
    byte[] le = new byte[2 * samples.length];
    ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(samples);
    AudioFormat pcm = new AudioFormat(8000f, 16, 1, true, false);
    AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000f, 8, 1, 1, 8000f, false);
    Path pcmFile = dir.resolve("jdk-pcm.wav");
    Path ulawFile = dir.resolve("jdk-ulaw.wav");

    try (AudioInputStream in = pcmStream(le, pcm)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, pcmFile.toFile());
    }
    try (AudioInputStream in = AudioSystem.getAudioInputStream(ulaw, pcmStream(le, pcm))) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, ulawFile.toFile());
    }

    assertArrayEquals(samples, WavReader.read(pcmFile).channel(0));
    short[] ulawBack = WavReader.read(ulawFile).channel(0);
    for (int i = 0; i < samples.length; i++) {
      assertEquals(G711.ulawToLinear(G711.linearToUlaw(samples[i])), ulawBack[i], "sample " + i);
    }
  }

  private static AudioInputStream pcmStream(byte[] le, AudioFormat format) {
    return new AudioInputStream(
        new ByteArrayInputStream(le), format, le.length / format.getFrameSize());
  }

  /** Full-scale noise including both extremes, from a fixed seed. */
  private static short[] noise(int length, long seed) {
    Random random = new Random(seed);
    short[] samples = new short[length];
    for (int i = 0; i < length; i++) {
      samples[i] = (short) random.nextInt(1 << 16);
    }
    samples[0] = Short.MIN_VALUE;
    samples[length - 1] = Short.MAX_VALUE;
    return samples;
  }

  private static String fourCc(ByteBuffer bytes, int at) {
    byte[] id = new byte[4];
    bytes.get(at, id);
    return new String(id, StandardCharsets.US_ASCII);
  }
}
