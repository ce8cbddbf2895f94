package io.tonewatch.media.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingResamplerTest {

  @ParameterizedTest
  @CsvSource({"16000,8000", "44100,8000", "48000,8000", "11025,8000", "12345,8000", "8000,16000"})
  void givesTheSameSamplesWhateverTheBlockSizes(int fromHz, int toHz) {
    Random random = new Random(11);
    short[] in = new short[60_000];
    for (int i = 0; i < in.length; i++) {
      in[i] = (short) (random.nextGaussian() * 9000);
    }
    short[] whole = Resampler.resample(in, fromHz, toHz);
    for (int maxBlock : new int[] {1, 7, 160, 4096, 50_000}) {
      Collector out = new Collector();
      StreamingResampler resampler = new StreamingResampler(fromHz, toHz);
      for (int at = 0; at < in.length; ) {
        int count = Math.min(in.length - at, 1 + random.nextInt(maxBlock));
        resampler.accept(in, at, count, out);
        at += count;
      }
      resampler.finish(out);
      assertArrayEquals(whole, out.samples(), "blocks of up to " + maxBlock);
    }
  }

  @ParameterizedTest
  @CsvSource({"0,0", "2,0", "3,1", "11,2", "44100,8000"})
  void writesRoundedLengthTimesTheRatioInAll(int inputCount, int expected) {
    Collector out = new Collector();
    StreamingResampler resampler = new StreamingResampler(44100, 8000);
    resampler.accept(new short[inputCount], 0, inputCount, out);
    resampler.finish(out);
    assertEquals(expected, out.samples().length);
    assertEquals(expected, StreamingResampler.outputCount(inputCount, 44100, 8000));
  }

  /** Appends everything it is given. */
  private static final class Collector implements StreamingResampler.SampleSink {
    private short[] all = new short[0];

    @Override
    public void onSamples(short[] samples, int offset, int count) {
      int size = all.length;
      all = Arrays.copyOf(all, size + count);
      System.arraycopy(samples, offset, all, size, count);
    }

    short[] samples() {
      return all;
    }
  }
}
