package io.tonewatch.ingest.publish;

import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.ingest.metrics.IngestMetrics.PublishDrop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * The publisher's bounded hand-off: audio frames and call starts/ends in the order they were
 * offered, with separate bounds. A full frame queue drops its oldest frame to make room (live
 * detection wants the newest audio); a full control queue drops the new start or end (its bound is
 * generous: in practice never). Offers never block. Thread-safe: many receive threads offer, one
 * sender takes; the lock guards both deques and the order counter.
 */
final class PublishQueue {

  /** A queued message, its position in the offer order and when it was accepted. */
  record Entry(long order, AudioMessage message, long acceptNanos) {}

  private final int frameCapacity;
  private final int controlCapacity;
  private final BiConsumer<AudioMessage, PublishDrop> onDrop;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Entry> frames = new ArrayDeque<>();
  private final ArrayDeque<Entry> control = new ArrayDeque<>();
  private long nextOrder;

  PublishQueue(
      int frameCapacity, int controlCapacity, BiConsumer<AudioMessage, PublishDrop> onDrop) {
    this.frameCapacity = frameCapacity;
    this.controlCapacity = controlCapacity;
    this.onDrop = onDrop;
  }

  /** Queues {@code message}, dropping (and reporting) the oldest frame if frames are full. */
  void offer(AudioMessage message, long acceptNanos) {
    Entry dropped = null;
    boolean refused = false;
    lock.lock();
    try {
      if (message instanceof AudioFrame) {
        if (frames.size() >= frameCapacity) {
          dropped = frames.pollFirst();
        }
        frames.addLast(new Entry(nextOrder++, message, acceptNanos));
      } else if (control.size() >= controlCapacity) {
        refused = true;
      } else {
        control.addLast(new Entry(nextOrder++, message, acceptNanos));
      }
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
    if (dropped != null) {
      onDrop.accept(dropped.message(), PublishDrop.QUEUE_FULL);
    }
    if (refused) {
      onDrop.accept(message, PublishDrop.CONTROL_QUEUE_FULL);
    }
  }

  /** The oldest queued message, waiting up to {@code timeoutNanos}; null if none came. */
  Entry take(long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      long waitNanos = timeoutNanos;
      while (frames.isEmpty() && control.isEmpty()) {
        if (waitNanos <= 0) {
          return null;
        }
        waitNanos = notEmpty.awaitNanos(waitNanos);
      }
      if (control.isEmpty()) {
        return frames.pollFirst();
      }
      if (frames.isEmpty() || control.peekFirst().order() < frames.peekFirst().order()) {
        return control.pollFirst();
      }
      return frames.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns everything still queued, in offer order. */
  List<Entry> drain() throws InterruptedException {
    List<Entry> rest = new ArrayList<>();
    for (Entry entry = take(0); entry != null; entry = take(0)) {
      rest.add(entry);
    }
    return rest;
  }

  /** Messages queued now, frames and control together. */
  int size() {
    lock.lock();
    try {
      return frames.size() + control.size();
    } finally {
      lock.unlock();
    }
  }
}
