package io.tonewatch.evaluation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EngineBenchTest {

  private static BenchCall noiseCall(int samples) {
    Random random = new Random(7);
    short[] customer = new short[samples];
    short[] agent = new short[samples];
    for (int i = 0; i < samples; i++) {
      customer[i] = (short) (random.nextGaussian() * 300);
      agent[i] = (short) (random.nextGaussian() * 300);
    }
    return new BenchCall("noise", customer, agent);
  }

  @Test
  void feedsTheAskedNumberOfFramesPerLegRepeatingThePlaylist() {
    EngineBench bench = new EngineBench(List.of(noiseCall(8000 + 80))); // 50.5 frames per leg
    List<Long> progress = new ArrayList<>();
    BenchResult result = bench.measure(120, progress::add);
    assertEquals(240, result.frames());
    assertEquals(4.8, result.legSeconds(), 1e-9);
    assertEquals(240 / EngineBench.TIMED_EVERY, result.timedFrames());
    assertTrue(result.p99FrameNs() >= result.p50FrameNs());
    assertEquals(120L, progress.get(progress.size() - 1));
  }

  @Test
  void refusesAnEmptyPlaylist() {
    assertThrows(IllegalArgumentException.class, () -> new EngineBench(List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EngineBench(List.of(new BenchCall("x", new short[0], new short[0]))));
  }
}
