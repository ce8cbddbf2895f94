package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every lag's sum must be bit for bit the one-lag-at-a-time loop's, whatever the lag range. */
class LaggedSumsTest {
  private static final int WINDOW = 256;

  @Test
  void productsMatchOneLagAtATimeOverAnyRangeOfLags() {
    Random random = new Random(3);
    LaggedSums sums = new LaggedSums(WINDOW);
    for (int trial = 0; trial < 300; trial++) {
      float[] w = window(random);
      int fromLag = 1 + random.nextInt(WINDOW - 1);
      int toLag = trial % 3 == 0 ? WINDOW - 1 : fromLag + random.nextInt(WINDOW - fromLag);
      sums.products(w, fromLag, toLag);
      for (int lag = fromLag; lag <= toLag; lag++) {
        assertEquals(product(w, lag), sums.product(w, lag), 0f, "lags " + fromLag + ".." + toLag);
      }
    }
  }

  @Test
  void squaredDifferencesMatchOneLagAtATimeOverAnyRangeOfLags() {
    Random random = new Random(5);
    LaggedSums sums = new LaggedSums(WINDOW);
    float[] out = new float[WINDOW];
    int count = WINDOW / 2;
    for (int trial = 0; trial < 300; trial++) {
      float[] w = window(random);
      int fromLag = 1 + random.nextInt(count - 1);
      int toLag = fromLag + 1 + random.nextInt(count - fromLag);
      sums.squaredDifferences(w, count, fromLag, toLag, out);
      for (int lag = fromLag; lag < toLag; lag++) {
        assertEquals(squaredDifference(w, count, lag), out[lag], 0f, "lag " + lag);
      }
    }
  }

  /** 16-bit samples over 2^15, as the extractor makes them. */
  private static float[] window(Random random) {
    float[] w = new float[WINDOW];
    double step = 0.05 + 0.3 * random.nextDouble();
    for (int i = 0; i < WINDOW; i++) {
      double v = 9000 * Math.sin(i * step) + 2000 * random.nextGaussian();
      w[i] = (short) Math.max(-32768, Math.min(32767, v)) / 32768f;
    }
    return w;
  }

  /** The definition, one lag at a time with four partial sums. */
  static float product(float[] w, int lag) {
    int span = WINDOW - lag;
    float[] s = new float[4];
    int i = 0;
    for (; i + 3 < span; i += 4) {
      for (int k = 0; k < 4; k++) {
        s[k] += w[i + k] * w[i + k + lag];
      }
    }
    for (; i < span; i++) {
      s[0] += w[i] * w[i + lag];
    }
    return s[0] + s[1] + s[2] + s[3];
  }

  private static float squaredDifference(float[] w, int count, int lag) {
    float[] s = new float[4];
    for (int i = 0; i < count; i++) {
      float d = w[i] - w[i + lag];
      s[i % 4] += d * d;
    }
    return (s[0] + s[1]) + (s[2] + s[3]);
  }
}
