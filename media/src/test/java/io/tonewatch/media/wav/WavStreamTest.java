package io.tonewatch.media.wav;

import static io.tonewatch.media.wav.WavBytes.fmt;
import static io.tonewatch.media.wav.WavBytes.le24;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WavStreamTest {

  @Test
  void readsInBlocksOfAnySizeWhatTheWholeFileReaderReads() throws IOException {
    Random random = new Random(5);
    int[] samples = new int[2 * 5001];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = random.nextInt(1 << 24) - (1 << 23);
    }
    // Stereo 24-bit PCM, the size left at 0 as a streaming writer does: read to the end.
    byte[] file =
        new WavBytes()
            .chunk("fmt ", fmt(1, 2, 8000, 6, 24))
            .chunk("data", 0, le24(samples))
            .build();
    PcmAudio whole = WavReader.read(new ByteArrayInputStream(file), "w.wav");
    assertEquals(5001, whole.frameCount());
    for (int maxBlock : new int[] {1, 3, 160, 4096, 10_000}) {
      short[][] blocks = new short[2][whole.frameCount()];
      int frames = 0;
      try (WavStream wav = WavStream.open(new ByteArrayInputStream(file), "w.wav")) {
        int got;
        do {
          int wanted = Math.min(1 + random.nextInt(maxBlock), whole.frameCount() - frames + 1);
          short[][] block = new short[2][wanted];
          got = wav.read(block, 0, wanted);
          for (int c = 0; c < 2; c++) {
            System.arraycopy(block[c], 0, blocks[c], frames, got);
          }
          frames += got;
        } while (got > 0);
      }
      assertEquals(whole.frameCount(), frames, "blocks of up to " + maxBlock);
      assertArrayEquals(whole.channel(0), blocks[0]);
      assertArrayEquals(whole.channel(1), Arrays.copyOf(blocks[1], frames));
    }
  }
}
