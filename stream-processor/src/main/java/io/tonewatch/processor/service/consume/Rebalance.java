package io.tonewatch.processor.service.consume;

import io.tonewatch.processor.service.calls.CallWorkers;
import io.tonewatch.processor.service.offsets.CommitLedger;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when partitions move. Revoked: commit what the ledger allows, then forget the
 * partitions' calls without closing them (their new owner replays them from their start). Lost:
 * forget them without a commit. Assigned: a fresh ledger entry, and the end offset at assignment,
 * so calls started before it count as replayed. Runs on the consumer thread, inside {@code poll}.
 */
final class Rebalance implements ConsumerRebalanceListener {
  private static final Logger log = LoggerFactory.getLogger(Rebalance.class);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Consumer<byte[], byte[]> consumer;
  private final CallWorkers workers;
  private final CommitLedger ledger;
  private final Map<TopicPartition, Long> replayUntil = new HashMap<>();
  private final Tenures tenures;
  private volatile boolean joined;

  Rebalance(
      Consumer<byte[], byte[]> consumer,
      CallWorkers workers,
      CommitLedger ledger,
      Tenures tenures) {
    this.consumer = consumer;
    this.workers = workers;
    this.ledger = ledger;
    this.tenures = tenures;
  }

  boolean joined() {
    return joined;
  }

  /** True when the record at {@code offset} was in the log before this instance got {@code tp}. */
  boolean isReplay(TopicPartition tp, long offset) {
    Long until = replayUntil.get(tp);
    return until != null && offset < until;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    joined = true;
    if (partitions.isEmpty()) {
      return;
    }
    ledger.assigned(partitions);
    Set<TopicPartition> assigned = new HashSet<>(partitions);
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned, WAIT);
      Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, WAIT);
      for (TopicPartition tp : assigned) {
        if (committed.get(tp) != null && ends.get(tp) != null) {
          replayUntil.put(tp, ends.get(tp));
        }
      }
    } catch (KafkaException e) {
      log.debug("process: no replay count for {}: {}", assigned, e.toString());
    }
    tenures.began(assigned);
    log.info("process: assigned {}", assigned);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(ledger.committable());
    offsets.keySet().retainAll(partitions);
    if (!offsets.isEmpty()) {
      try {
        consumer.commitSync(offsets, WAIT);
      } catch (KafkaException e) {
        log.warn("process: commit on revocation failed ({}); more is replayed", e.toString());
      }
    }
    forget(partitions, "revoked");
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    forget(partitions, "lost");
  }

  private void forget(Collection<TopicPartition> partitions, String how) {
    boolean dropped = false;
    try {
      dropped = workers.drop(new HashSet<>(partitions), Duration.ofSeconds(60));
      if (!dropped) {
        log.warn("process: engine threads were slow to drop the calls of {}", partitions);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tenures.ended(partitions, dropped);
    ledger.revoked(partitions);
    partitions.forEach(replayUntil::remove);
    log.info("process: {} {}", how, partitions);
  }
}
