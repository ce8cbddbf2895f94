package io.tonewatch.ingest.leg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.ingest.metrics.IngestMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcmFramerTest {
  private final List<AudioFrame> frames = new ArrayList<>();
  private final PcmFramer framer =
      new PcmFramer(
          "c1",
          Leg.AGENT,
          m -> frames.add((AudioFrame) m),
          new IngestMetrics(new SimpleMeterRegistry()));

  private static short[] ramp(int samples, int from) {
    short[] pcm = new short[samples];
    for (int i = 0; i < samples; i++) {
      pcm[i] = (short) (from + i);
    }
    return pcm;
  }

  @Test
  void cutsChunksOfAnySizeIntoNumbered20msFrames() {
    short[] pcm = ramp(400, 1);
    framer.onSamples(pcm, 0, 7);
    framer.onSamples(pcm, 7, 250);
    framer.onSamples(pcm, 257, 143);
    assertEquals(2, frames.size(), "400 samples: two frames and 80 held");
    framer.finish();
    assertEquals(3, frames.size());
    for (int f = 0; f < 3; f++) {
      assertEquals(f, frames.get(f).sequence());
      assertEquals(20L * f, frames.get(f).mediaTimeMs());
      assertEquals(f * 160 + 1, frames.get(f).samples()[0]);
      assertFalse(frames.get(f).concealed());
    }
    assertEquals(0, frames.get(2).samples()[80], "the trailing partial frame padded with silence");
  }

  @Test
  void takesOneChannelOfInterleavedPcm() {
    short[] stereo = new short[2 * 160];
    for (int i = 0; i < 160; i++) {
      stereo[2 * i] = (short) i;
      stereo[2 * i + 1] = (short) -i;
    }
    framer.onInterleaved(stereo, 1, 2, 160);
    short[] right = new short[160];
    for (int i = 0; i < 160; i++) {
      right[i] = (short) -i;
    }
    assertArrayEquals(right, frames.get(0).samples());
  }

  @Test
  void aFrameWithAnyConcealedSampleIsFlaggedAndAGapInFramesCompletesThePartialFirst() {
    framer.onSamples(ramp(100, 1), 0, 100);
    framer.conceal(60);
    assertEquals(1, frames.size());
    assertTrue(frames.get(0).concealed(), "100 real samples and 60 filled in");
    framer.onSamples(ramp(40, 1), 0, 40);
    framer.onGap(2);
    assertEquals(3, frames.size(), "the partial frame completed, then one whole frame");
    assertEquals(1, frames.get(1).samples()[0]);
    assertEquals(0, frames.get(1).samples()[40]);
    assertTrue(frames.get(1).concealed() && frames.get(2).concealed());
    assertEquals(3, framer.concealedFrames());
    framer.onSamples(ramp(160, 1), 0, 160);
    assertFalse(frames.get(3).concealed(), "the flag does not carry over");
    assertEquals(4, framer.frames());
  }
}
