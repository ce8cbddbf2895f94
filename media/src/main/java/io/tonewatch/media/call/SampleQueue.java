package io.tonewatch.media.call;

/** A first-in first-out run of samples that grows only to the largest burst written into it. */
final class SampleQueue {

  private short[] samples = new short[8192];
  private int head;
  private int tail;

  int size() {
    return tail - head;
  }

  void add(short[] from, int offset, int count) {
    if (samples.length - tail < count) {
      int size = size();
      short[] target = samples.length < size + count ? new short[2 * (size + count)] : samples;
      System.arraycopy(samples, head, target, 0, size);
      samples = target;
      head = 0;
      tail = size;
    }
    System.arraycopy(from, offset, samples, tail, count);
    tail += count;
  }

  /** Moves up to {@code count} samples into {@code to}; returns how many. */
  int take(short[] to, int count) {
    int taken = Math.min(count, size());
    System.arraycopy(samples, head, to, 0, taken);
    head += taken;
    return taken;
  }
}
