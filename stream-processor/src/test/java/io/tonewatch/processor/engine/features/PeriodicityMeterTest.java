package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lags computed all at once must read exactly as computed one at a time, in any order. */
class PeriodicityMeterTest {
  private static final int WINDOW = 256;
  private static final int MIN_LAG = 13;
  private static final int MAX_LAG = 123;

  @Test
  void everyLagIsBitForBitTheSameWhateverTheOrderOfRequests() {
    Random random = new Random(7);
    float[] window = new float[WINDOW];
    for (int trial = 0; trial < 200; trial++) {
      for (int i = 0; i < WINDOW; i++) {
        window[i] =
            (float)
                (0.3 * Math.sin(i * (0.05 + 0.3 * random.nextDouble()))
                    + 0.05 * random.nextGaussian());
      }
      PeriodicityMeter ascending = new PeriodicityMeter(WINDOW, MIN_LAG, MAX_LAG);
      PeriodicityMeter descending = new PeriodicityMeter(WINDOW, MIN_LAG, MAX_LAG);
      PeriodicityMeter scattered = new PeriodicityMeter(WINDOW, MIN_LAG, MAX_LAG);
      ascending.load(window);
      descending.load(window);
      scattered.load(window);
      double[] expected = new double[WINDOW];
      for (int lag = MIN_LAG - 1; lag <= MAX_LAG + 1; lag++) {
        expected[lag] = ascending.at(lag);
      }
      for (int lag = MAX_LAG + 1; lag >= MIN_LAG - 1; lag--) {
        assertEquals(expected[lag], descending.at(lag), 0.0, "lag " + lag);
      }
      for (int k = 0; k < 3 * WINDOW; k++) {
        int lag = MIN_LAG - 1 + random.nextInt(MAX_LAG - MIN_LAG + 3);
        assertEquals(expected[lag], scattered.at(lag), 0.0, "lag " + lag);
      }
      for (int lag = MIN_LAG - 1; lag <= MAX_LAG + 1; lag++) {
        assertEquals(oneLag(window, lag), expected[lag], 0.0, "lag " + lag);
      }
    }
  }

  /** The definition, one lag at a time with four partial sums, as before lags were batched. */
  private static double oneLag(float[] window, int lag) {
    float[] x = new float[WINDOW];
    x[0] = 0.75f * window[0] + 0.25f * window[1];
    for (int i = 1; i < WINDOW - 1; i++) {
      x[i] = 0.25f * window[i - 1] + 0.5f * window[i] + 0.25f * window[i + 1];
    }
    x[WINDOW - 1] = 0.75f * window[WINDOW - 1] + 0.25f * window[WINDOW - 2];
    double[] prefix = new double[WINDOW + 1];
    for (int i = 0; i < WINDOW; i++) {
      prefix[i + 1] = prefix[i] + x[i] * x[i];
    }
    int span = WINDOW - lag;
    double energy = Math.sqrt(prefix[span] * (prefix[WINDOW] - prefix[lag]));
    return energy > 1e-12 ? (float) (LaggedSumsTest.product(x, lag) / energy) : 0f;
  }
}
