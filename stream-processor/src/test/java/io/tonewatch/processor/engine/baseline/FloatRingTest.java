package io.tonewatch.processor.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatRingTest {

  @Test
  void reportsNaNWhileEmpty() {
    FloatRing ring = new FloatRing(4);
    assertEquals(0, ring.size());
    assertTrue(Double.isNaN(ring.mean()));
    assertTrue(Double.isNaN(ring.median()));
    assertTrue(Double.isNaN(ring.quantile(0.9)));
    assertTrue(Double.isNaN(ring.standardDeviation()));
  }

  @Test
  void standardDeviationIsOverTheValuesHeldAndIgnoresAnOffset() {
    FloatRing ring = new FloatRing(4);
    for (float v : new float[] {100, 100, 2, 4, 4, 6}) {
      ring.add(v); // holds 2, 4, 4, 6 once the two 100s are forgotten
    }
    assertEquals(Math.sqrt(2.0), ring.standardDeviation(), 1e-9);
    FloatRing shifted = new FloatRing(4);
    for (float v : new float[] {-38, -36, -36, -34}) {
      shifted.add(v); // the same spread 40 dB lower: line gain does not move it
    }
    assertEquals(ring.standardDeviation(), shifted.standardDeviation(), 1e-9);
  }

  @Test
  void summarisesAPartlyFilledRingOverTheValuesHeldOnly() {
    FloatRing ring = new FloatRing(10);
    ring.add(3);
    ring.add(1);
    ring.add(2);
    assertEquals(3, ring.size());
    assertEquals(2.0, ring.mean(), 1e-12);
    assertEquals(2.0, ring.median());
    assertEquals(1.0, ring.quantile(0));
    assertEquals(3.0, ring.quantile(1));
  }

  @Test
  void forgetsTheOldestValuesOnceFull() {
    FloatRing ring = new FloatRing(5);
    for (int v = 1; v <= 8; v++) {
      ring.add(v); // holds 4, 5, 6, 7, 8 after wrapping round
    }
    assertEquals(5, ring.size());
    assertEquals(6.0, ring.mean(), 1e-12);
    assertEquals(6.0, ring.median());
    assertEquals(4.0, ring.quantile(0));
    assertEquals(5.0, ring.quantile(0.25));
    assertEquals(7.0, ring.quantile(0.75));
    assertEquals(8.0, ring.quantile(1));
  }

  @Test
  void neverGrowsBeyondItsCapacity() {
    FloatRing ring = new FloatRing(3);
    for (int i = 0; i < 100; i++) {
      ring.add(i);
    }
    assertEquals(3, ring.size());
    assertEquals(98.0, ring.mean(), 1e-9);
  }

  @Test
  void clampsQuantilesOutsideZeroToOne() {
    FloatRing ring = new FloatRing(4);
    ring.add(10);
    ring.add(20);
    assertEquals(10.0, ring.quantile(-0.5));
    assertEquals(20.0, ring.quantile(1.5));
  }

  @Test
  void startsAfreshAfterClear() {
    FloatRing ring = new FloatRing(4);
    for (int v = 100; v < 110; v++) {
      ring.add(v);
    }
    ring.clear();
    assertEquals(0, ring.size());
    assertTrue(Double.isNaN(ring.mean()));
    ring.add(1);
    ring.add(2);
    assertEquals(2, ring.size());
    assertEquals(1.5, ring.mean(), 1e-12);
    assertEquals(1.0, ring.quantile(0));
    assertEquals(2.0, ring.quantile(1));
  }

  @Test
  void agreesWithASortedCopyOfTheLastValuesOverManyWrapArounds() {
    Random random = new Random(20240611L);
    int capacity = 37;
    FloatRing ring = new FloatRing(capacity);
    Deque<Float> last = new ArrayDeque<>();
    for (int i = 0; i < 5000; i++) {
      float value = (float) (random.nextGaussian() * 10);
      ring.add(value);
      last.addLast(value);
      if (last.size() > capacity) {
        last.removeFirst();
      }
      if (i % 97 == 0 || i > 4990) {
        float[] sorted = new float[last.size()];
        int j = 0;
        double sum = 0;
        for (float v : last) {
          sorted[j++] = v;
          sum += v;
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        assertEquals(sum / n, ring.mean(), 1e-6, "mean after " + (i + 1) + " values");
        assertEquals(sorted[(int) Math.round(0.5 * (n - 1))], ring.median(), "median after " + i);
        assertEquals(sorted[(int) Math.round(0.1 * (n - 1))], ring.quantile(0.1), "p10 after " + i);
        assertEquals(sorted[(int) Math.round(0.9 * (n - 1))], ring.quantile(0.9), "p90 after " + i);
      }
    }
  }

  @Test
  void rejectsACapacityBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new FloatRing(0));
  }

  @Test
  void quantilesAreTheFloatsArraysSortPutsAtTheRank() {
    Random random = new Random(7);
    float[] pool = {0f, -0f, 1.5f, -1.5f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e30f, -1e30f};
    for (int trial = 0; trial < 300; trial++) {
      int capacity = 1 + random.nextInt(trial < 150 ? 40 : 1600);
      FloatRing ring = new FloatRing(capacity);
      Deque<Float> held = new ArrayDeque<>();
      int adds = 1 + random.nextInt(2 * capacity);
      for (int i = 0; i < adds; i++) {
        float v =
            random.nextInt(4) == 0
                ? pool[random.nextInt(pool.length)]
                : (float) (random.nextGaussian() * (random.nextBoolean() ? 1 : 1e-3));
        ring.add(v);
        held.addLast(v);
        if (held.size() > capacity) {
          held.removeFirst();
        }
      }
      float[] sorted = new float[held.size()];
      int k = 0;
      for (float v : held) {
        sorted[k++] = v;
      }
      Arrays.sort(sorted);
      for (double q : new double[] {0, 0.1, 0.5, 0.9, 1}) {
        int rank = (int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)));
        assertEquals(
            Double.doubleToRawLongBits(sorted[rank]),
            Double.doubleToRawLongBits(ring.quantile(q)),
            "trial " + trial + " q " + q);
      }
    }
  }
}
