package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.Yin;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** YIN's proposal against TarsosDSP 2.4's Yin, which it replaced, on the same windows. */
class YinProposerTest {
  private static final int WINDOW = 256;
  private static final float RATE_HZ = 8000f;
  private static final double THRESHOLD = 0.5;

  @Test
  void proposesTheSameLagAsTarsosDspYinOnVoicesNoiseAndSilence() {
    Random random = new Random(42);
    YinProposer proposer = new YinProposer(WINDOW, THRESHOLD);
    Yin tarsos = new Yin(RATE_HZ, WINDOW, THRESHOLD);
    float[] window = new float[WINDOW];
    int pitched = 0;
    for (int trial = 0; trial < 2000; trial++) {
      fill(window, trial % 10, random);
      PitchDetectionResult expected = tarsos.getPitch(window);
      double lag = proposer.lagSamples(window);
      if (expected.isPitched()) {
        pitched++;
        assertEquals(RATE_HZ / expected.getPitch(), lag, 1e-3, "trial " + trial);
      } else {
        assertEquals(-1, lag, "trial " + trial);
      }
    }
    assertEquals(1600, pitched, 200, "most windows of voices are pitched");
  }

  @Test
  void givesBitForBitTheLagOfOneLagAtATime() {
    Random random = new Random(11);
    YinProposer proposer = new YinProposer(WINDOW, THRESHOLD);
    float[] window = new float[WINDOW];
    for (int trial = 0; trial < 2000; trial++) {
      fill(window, trial % 10, random);
      assertEquals(oneLagAtATime(window), proposer.lagSamples(window), 0.0, "trial " + trial);
    }
  }

  /** Steps 2 to 5 with each lag's squared difference in four partial sums, lag after lag. */
  private static double oneLagAtATime(float[] window) {
    int half = WINDOW / 2;
    float[] difference = new float[half];
    difference[0] = 1;
    float runningSum = 0;
    int dip = -1;
    for (int lag = 1; lag < half; lag++) {
      float[] s = new float[4];
      for (int i = 0; i < half; i++) {
        float d = window[i] - window[i + lag];
        s[i % 4] += d * d;
      }
      float sum = (s[0] + s[1]) + (s[2] + s[3]);
      runningSum += sum;
      difference[lag] = runningSum > 0 ? sum * lag / runningSum : 1;
      if (dip < 0) {
        if (lag >= 2 && difference[lag] < THRESHOLD) {
          dip = lag;
        }
      } else if (difference[lag] < difference[dip]) {
        dip = lag;
      } else {
        break;
      }
    }
    if (dip < 0) {
      return -1;
    }
    if (dip + 1 >= half) {
      return difference[dip] <= difference[dip - 1] ? dip : dip - 1;
    }
    float before = difference[dip - 1];
    float after = difference[dip + 1];
    return dip + (after - before) / (2 * (2 * difference[dip] - after - before));
  }

  /** Kind 0: silence; 1: white noise; otherwise a noisy harmonic voice of random pitch. */
  private static void fill(float[] window, int kind, Random random) {
    double f0Hz = 70 + 430 * random.nextDouble();
    double[] phase = new double[40];
    for (int k = 0; k < phase.length; k++) {
      phase[k] = 2 * Math.PI * random.nextDouble();
    }
    for (int i = 0; i < window.length; i++) {
      double v = 0;
      if (kind == 1) {
        v = random.nextGaussian();
      } else if (kind > 1) {
        for (int k = 1; k * f0Hz < 3400 && k < phase.length; k++) {
          v += Math.sin(2 * Math.PI * k * f0Hz * i / RATE_HZ + phase[k]) / k;
        }
        v += 0.1 * random.nextGaussian();
      }
      window[i] = (float) (0.1 * v);
    }
  }
}
