package io.tonewatch.alerting.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the rebuild starts and ends: every partition of the topics is assigned (the service keeps
 * no offsets of its own: its state is the topics), sought to the first record at or after the
 * replay horizon, and the end offsets of that moment are the point from which the service is live.
 * Used by the loop thread only.
 */
final class ReplayStart {
  private final Consumer<byte[], byte[]> consumer;
  private final Map<TopicPartition, Long> endOffsets;

  private ReplayStart(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
    this.consumer = consumer;
    this.endOffsets = endOffsets;
  }

  /**
   * Assigns and seeks; returns null while a topic has no partitions yet (its metadata has not
   * reached this client), so the caller tries again.
   */
  static ReplayStart assign(Consumer<byte[], byte[]> consumer, List<String> topics, Instant from) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos == null || infos.isEmpty()) {
        return null;
      }
      infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    Map<TopicPartition, Long> horizon = new HashMap<>();
    partitions.forEach(tp -> horizon.put(tp, from.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(horizon);
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp start = starts.get(tp);
      if (start == null) {
        consumer.seekToEnd(List.of(tp));
      } else {
        consumer.seek(tp, start.offset());
      }
    }
    return new ReplayStart(consumer, consumer.endOffsets(partitions));
  }

  /** True once every partition has been read up to where it ended at start-up. */
  boolean caughtUp() {
    for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Partitions assigned, over every topic. */
  int partitions() {
    return endOffsets.size();
  }
}
