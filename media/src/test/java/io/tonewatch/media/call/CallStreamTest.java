package io.tonewatch.media.call;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewatch.events.Leg;
import io.tonewatch.media.wav.PcmAudio;
import io.tonewatch.media.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallStreamTest {

  @TempDir Path dir;
  private final List<String> notices = new ArrayList<>();

  @Test
  void framesEveryLegAsTheWholeFileLoaderDoesAtItsOwnRate() throws IOException {
    assertFramesMatchTheLoader(8000, 2, null, 12_345);
  }

  @Test
  void resamplesInBlocksToTheSamplesOfTheWholeFile() throws IOException {
    assertFramesMatchTheLoader(44_100, 2, LegLayout.standard(2).swapped(), 100_003);
    assertEquals(List.of("resampling 44100 Hz to 8000 Hz"), notices.subList(0, 1));
  }

  @Test
  void readsMonoAsTheCustomerLeg() throws IOException {
    assertFramesMatchTheLoader(16_000, 1, null, 9_999);
  }

  @Test
  void anEmptyRecordingHasNoFrames() throws IOException {
    Path file = write(new PcmAudio(8000, new short[2][0]));
    try (CallStream call = CallStream.open(file, null, notices::add)) {
      assertFalse(call.next());
      assertEquals(0, call.info().sampleCount());
    }
  }

  @Test
  void refusesALayoutThatNamesTheWrongNumberOfChannels() throws IOException {
    Path file = write(PcmAudio.mono(8000, new short[10]));
    CallAudioException error =
        assertThrows(
            CallAudioException.class,
            () -> CallStream.open(file, LegLayout.standard(2), notices::add));
    assertEquals("call.wav has 1 channel but the leg mapping names 2", error.getMessage());
  }

  private void assertFramesMatchTheLoader(int rateHz, int channels, LegLayout layout, int frames)
      throws IOException {
    Random random = new Random(3);
    short[][] samples = new short[channels][frames];
    for (short[] channel : samples) {
      for (int i = 0; i < frames; i++) {
        channel[i] = (short) (random.nextGaussian() * 6000);
      }
    }
    Path file = write(new PcmAudio(rateHz, samples));
    CallAudio whole = CallAudioLoader.load(file, layout, notices::add);
    try (CallStream call = CallStream.open(file, layout, notices::add)) {
      assertEquals(whole.samplesByLeg().keySet(), call.legs());
      int index = 0;
      while (call.next()) {
        for (Leg leg : call.legs()) {
          short[] expected = frame(whole.samplesByLeg().get(leg), index);
          assertArrayEquals(expected, call.frame(leg), leg + " frame " + index);
        }
        index++;
      }
      assertEquals(whole.frameCount(), index);
      assertEquals(whole.info(), call.info());
    }
  }

  private static short[] frame(short[] samples, int index) {
    int from = index * 160;
    return Arrays.copyOfRange(samples, from, from + 160); // pads past the end with zeros
  }

  private Path write(PcmAudio audio) throws IOException {
    Path file = dir.resolve("call.wav");
    WavWriter.write(file, audio);
    return file;
  }
}
