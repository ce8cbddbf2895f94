package io.tonewatch.processor.service.offsets;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per assigned partition of the audio topic: the next offset to read, and the start offsets of the
 * calls still held open (by analysis or by alerts in flight). The offset it allows to commit is the
 * earliest held start, or the next offset when nothing is held: everything before it is finished
 * and acknowledged, so a new owner that starts there loses nothing and replays each open call from
 * its {@code CallStarted}. Thread-safe: the consumer thread reads and assigns, engine threads and
 * the producer's I/O thread release, all under this object's lock.
 */
public final class CommitLedger {
  private final Map<TopicPartition, Partition> partitions = new HashMap<>();

  /** One assignment of one partition; a partition assigned again gets a fresh one. */
  static final class Partition {
    final TopicPartition topicPartition;
    final TreeMap<Long, Integer> heldStarts = new TreeMap<>();
    long nextOffset = -1;
    long committed = -1;

    Partition(TopicPartition topicPartition) {
      this.topicPartition = topicPartition;
    }
  }

  public synchronized void assigned(Collection<TopicPartition> assigned) {
    for (TopicPartition tp : assigned) {
      partitions.put(tp, new Partition(tp));
    }
  }

  public synchronized void revoked(Collection<TopicPartition> revoked) {
    revoked.forEach(partitions::remove);
  }

  /** The consumer read the record at {@code offset} of {@code tp}. */
  public synchronized void read(TopicPartition tp, long offset) {
    Partition partition = partitions.get(tp);
    if (partition != null) {
      partition.nextOffset = Math.max(partition.nextOffset, offset + 1);
    }
  }

  /** Holds the commit at the start of a call read at {@code offset}, until the hold is released. */
  public synchronized CallHold hold(TopicPartition tp, long offset) {
    Partition partition = partitions.get(tp);
    if (partition != null) {
      partition.heldStarts.merge(offset, 1, Integer::sum);
    }
    return new CallHold(this, partition, tp, offset);
  }

  synchronized void release(Partition partition, long offset) {
    if (partition == null) {
      return;
    }
    partition.heldStarts.computeIfPresent(offset, (o, count) -> count == 1 ? null : count - 1);
  }

  /** Offsets that may be committed and differ from the last ones marked committed. */
  public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    for (Partition p : partitions.values()) {
      long safe = safeOffset(p);
      if (safe >= 0 && safe != p.committed) {
        out.put(p.topicPartition, new OffsetAndMetadata(safe));
      }
    }
    return out;
  }

  /** The broker accepted {@code offsets}: they need not be committed again. */
  public synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (tp, offset) -> {
          Partition partition = partitions.get(tp);
          if (partition != null) {
            partition.committed = Math.max(partition.committed, offset.offset());
          }
        });
  }

  /** Calls held open on {@code tp}, for tests and diagnostics. */
  public synchronized int held(TopicPartition tp) {
    Partition partition = partitions.get(tp);
    return partition == null ? 0 : partition.heldStarts.values().stream().mapToInt(i -> i).sum();
  }

  private static long safeOffset(Partition p) {
    if (!p.heldStarts.isEmpty()) {
      return p.heldStarts.firstKey();
    }
    return p.nextOffset;
  }
}
