package io.tonewatch.processor.service.consume;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * When this instance owned which partition: from the end of its assignment until its calls were
 * dropped, so that no two instances of a group can be shown to analyse one call at once. Keeps the
 * last {@link #KEPT} closed tenures (bounded memory). Thread-safe: written on the consumer thread,
 * read from any.
 */
public final class Tenures {
  static final int KEPT = 1_000;

  /** One partition held from {@code fromNanos} to {@code untilNanos} (MAX_VALUE: still held). */
  public record Tenure(TopicPartition partition, long fromNanos, long untilNanos) {}

  private final LongSupplier nanoTime;
  private final Map<TopicPartition, Long> open = new HashMap<>();
  private final ArrayDeque<Tenure> closed = new ArrayDeque<>();

  public Tenures(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  synchronized void began(Collection<TopicPartition> partitions) {
    long now = nanoTime.getAsLong();
    partitions.forEach(tp -> open.putIfAbsent(tp, now));
  }

  /** The partitions' calls are gone; if they could not all be dropped, the tenure stays open. */
  synchronized void ended(Collection<TopicPartition> partitions, boolean dropped) {
    if (!dropped) {
      return;
    }
    long now = nanoTime.getAsLong();
    for (TopicPartition tp : partitions) {
      Long from = open.remove(tp);
      if (from != null) {
        closed.addLast(new Tenure(tp, from, now));
        if (closed.size() > KEPT) {
          closed.removeFirst();
        }
      }
    }
  }

  /** Every kept tenure, closed ones first, then those still held. */
  public synchronized List<Tenure> all() {
    List<Tenure> all = new ArrayList<>(closed);
    open.forEach((tp, from) -> all.add(new Tenure(tp, from, Long.MAX_VALUE)));
    return all;
  }
}
