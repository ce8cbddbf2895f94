package io.tonewatch.ingest.leg;

/**
 * A few datagrams kept back, in arrival order, with their arrival times: packets of a source on
 * probation (RFC 3550 A.1), or the packet of a sequence jump that the next one may confirm. Copies
 * into buffers it reuses. Owned by the stream's receive thread.
 */
final class HeldDatagrams {
  private final byte[][] buffers;
  private final int[] lengths;
  private final long[] arrivalsNanos;
  private int size;

  HeldDatagrams(int capacity) {
    buffers = new byte[capacity][];
    lengths = new int[capacity];
    arrivalsNanos = new long[capacity];
  }

  boolean isFull() {
    return size == buffers.length;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** Copies {@code buf[offset..offset+length)}; the caller has made room. */
  void add(byte[] buf, int offset, int length, long arrivalNanos) {
    byte[] copy = buffers[size];
    if (copy == null || copy.length < length) {
      copy = new byte[Math.max(length, 172)];
      buffers[size] = copy;
    }
    System.arraycopy(buf, offset, copy, 0, length);
    lengths[size] = length;
    arrivalsNanos[size] = arrivalNanos;
    size++;
  }

  byte[] buffer(int i) {
    return buffers[i];
  }

  int length(int i) {
    return lengths[i];
  }

  long arrivalNanos(int i) {
    return arrivalsNanos[i];
  }

  /** Drops the oldest, keeping its buffer for reuse. */
  void removeFirst() {
    byte[] first = buffers[0];
    System.arraycopy(buffers, 1, buffers, 0, size - 1);
    System.arraycopy(lengths, 1, lengths, 0, size - 1);
    System.arraycopy(arrivalsNanos, 1, arrivalsNanos, 0, size - 1);
    buffers[size - 1] = first;
    size--;
  }

  void clear() {
    size = 0;
  }
}
