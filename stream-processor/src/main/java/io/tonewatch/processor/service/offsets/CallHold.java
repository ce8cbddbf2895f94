package io.tonewatch.processor.service.offsets;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps the commit of one partition at or before one call's {@code CallStarted} until the call is
 * finished and every event it produced is acknowledged. A send that fails for good keeps the hold
 * for the life of the assignment, so the call is replayed by whoever reads the partition next.
 * Thread-safe: the engine thread sends and finishes, the producer's I/O thread acknowledges.
 */
public final class CallHold {
  private final CommitLedger ledger;
  private final CommitLedger.Partition partition;
  private final TopicPartition topicPartition;
  private final long startOffset;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean released = new AtomicBoolean();
  private volatile boolean finished;
  private volatile boolean failed;

  CallHold(
      CommitLedger ledger,
      CommitLedger.Partition partition,
      TopicPartition topicPartition,
      long startOffset) {
    this.ledger = ledger;
    this.partition = partition;
    this.topicPartition = topicPartition;
    this.startOffset = startOffset;
  }

  public TopicPartition topicPartition() {
    return topicPartition;
  }

  public long startOffset() {
    return startOffset;
  }

  /** An event of the call was handed to the producer. */
  public void sending() {
    inFlight.incrementAndGet();
  }

  /** The broker acknowledged one of the call's events. */
  public void acknowledged() {
    if (inFlight.decrementAndGet() == 0 && finished) {
      releaseOnce();
    }
  }

  /** The producer gave up on one of the call's events: never release, so the call is replayed. */
  public void failed() {
    failed = true;
    inFlight.decrementAndGet();
  }

  /** The call's analysis is over (ended, timed out, or refused): release once all is acked. */
  public void finish() {
    finished = true;
    if (inFlight.get() == 0) {
      releaseOnce();
    }
  }

  /** True once the commit may pass this call. */
  public boolean released() {
    return released.get();
  }

  private void releaseOnce() {
    if (!failed && released.compareAndSet(false, true)) {
      ledger.release(partition, startOffset);
    }
  }
}
