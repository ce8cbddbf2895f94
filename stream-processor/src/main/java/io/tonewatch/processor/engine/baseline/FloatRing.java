package io.tonewatch.processor.engine.baseline;

import java.util.Arrays;

/**
 * A fixed-capacity ring of floats that forgets its oldest value, with order statistics computed on
 * a scratch copy. Allocates only at construction. Not thread-safe.
 */
public final class FloatRing {
  private final float[] values;
  private final float[] scratch;
  private final int[] keys;
  private int next;
  private int size;
  private double sum;

  public FloatRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.values = new float[capacity];
    this.scratch = new float[capacity];
    this.keys = new int[capacity];
  }

  public void add(float value) {
    if (size == values.length) {
      sum -= values[next];
    } else {
      size++;
    }
    values[next] = value;
    sum += value;
    if (++next == values.length) {
      next = 0;
    }
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
    next = 0;
    sum = 0;
  }

  /** Mean of the values held, NaN when empty. */
  public double mean() {
    return size == 0 ? Double.NaN : sum / size;
  }

  /**
   * Population standard deviation of the values held, NaN when empty; two passes over the values,
   * so no running sum of squares can drift.
   */
  public double standardDeviation() {
    if (size == 0) {
      return Double.NaN;
    }
    double mean = 0;
    for (int i = 0; i < size; i++) {
      mean += values[i];
    }
    mean /= size;
    double squares = 0;
    for (int i = 0; i < size; i++) {
      double d = values[i] - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / size);
  }

  /** The q-quantile (0..1, nearest rank) of the values held, NaN when empty. */
  public double quantile(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.min(size - 1, Math.max(0, Math.round(q * (size - 1))));
    // Order does not matter for a quantile, and until the ring is full its values start at 0.
    // The value at a rank is selected, not sorted for: keys ordered as ints exactly as
    // Arrays.sort(float[]) orders the floats (-0.0 before 0.0), so the same float comes out.
    for (int i = 0; i < size; i++) {
      float v = values[i];
      if (v != v) {
        return sortedAt(rank); // NaN: leave its ordering to Arrays.sort
      }
      int bits = Float.floatToRawIntBits(v);
      keys[i] = bits ^ ((bits >> 31) & 0x7fffffff);
    }
    // Quickselect for the key of that rank, written out here rather than called: the method is
    // then past the JIT's inlining limit and is compiled once, instead of being copied into every
    // caller that asks for a median several times a frame.
    int[] a = keys;
    int lo = 0;
    int hi = size - 1;
    while (hi - lo > 16) {
      // Median of three as pivot, then a Hoare partition around its value.
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      int pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      // Now a[lo..j] <= pivot <= a[i..hi], and anything between equals the pivot.
      if (rank <= j) {
        hi = j;
      } else if (rank >= i) {
        lo = i;
      } else {
        return fromKey(pivot);
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      int v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
    return fromKey(a[rank]);
  }

  private static double fromKey(int key) {
    return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
  }

  private double sortedAt(int rank) {
    System.arraycopy(values, 0, scratch, 0, size);
    Arrays.sort(scratch, 0, size);
    return scratch[rank];
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  public double median() {
    return quantile(0.5);
  }
}
