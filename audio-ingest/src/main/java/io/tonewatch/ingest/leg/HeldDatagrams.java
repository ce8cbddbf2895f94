package io.tonewatch.ingest.leg;

import io.tonewatch.ingest.rtp.RtpPacket;
import io.tonewatch.ingest.rtp.SequenceNumbers;

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

  /**
   * Indices of the held datagrams sorted by RTP sequence number (wrap-aware, relative to the first
   * that parses); parses each into {@code view}.
   */
  int[] sequenceOrder(RtpPacket view) {
    int[] order = new int[size];
    int[] distance = new int[size];
    int reference = -1;
    for (int i = 0; i < size; i++) {
      order[i] = i;
      if (view.parse(buffers[i], 0, lengths[i])) {
        reference = reference < 0 ? view.sequence() : reference;
        distance[i] = SequenceNumbers.distance(reference, view.sequence());
      }
    }
    for (int i = 1; i < size; i++) { // insertion sort of a handful
      for (int j = i; j > 0 && distance[order[j]] < distance[order[j - 1]]; j--) {
        int t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }
    }
    return order;
  }

  void clear() {
    size = 0;
  }
}
