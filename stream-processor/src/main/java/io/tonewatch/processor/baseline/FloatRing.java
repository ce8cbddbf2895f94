package io.tonewatch.processor.baseline;

import java.util.Arrays;

/**
 * A fixed-capacity ring of floats that forgets its oldest value, with order statistics computed on
 * a scratch copy. Allocates only at construction. Not thread-safe.
 */
public final class FloatRing {
  private final float[] values;
  private final float[] scratch;
  private int next;
  private int size;
  private double sum;

  public FloatRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.values = new float[capacity];
    this.scratch = new float[capacity];
  }

  public void add(float value) {
    if (size == values.length) {
      sum -= values[next];
    } else {
      size++;
    }
    values[next] = value;
    sum += value;
    next = (next + 1) % values.length;
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

  /** The q-quantile (0..1, nearest rank) of the values held, NaN when empty. */
  public double quantile(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    // Order does not matter for a quantile, and until the ring is full its values start at 0.
    System.arraycopy(values, 0, scratch, 0, size);
    Arrays.sort(scratch, 0, size);
    int rank = (int) Math.min(size - 1, Math.max(0, Math.round(q * (size - 1))));
    return scratch[rank];
  }

  public double median() {
    return quantile(0.5);
  }
}
