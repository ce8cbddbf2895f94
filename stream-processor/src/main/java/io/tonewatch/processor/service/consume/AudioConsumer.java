package io.tonewatch.processor.service.consume;

import io.tonewatch.events.audio.AudioCodecException;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.AudioMessageCodec;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.processor.service.calls.CallWorkers;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.metrics.ProcessMetrics;
import io.tonewatch.processor.service.metrics.ProcessMetrics.Skip;
import io.tonewatch.processor.service.offsets.CommitLedger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of the consumer thread. Errors in three tiers: a fatal one (credentials, authorisation,
 * configuration) ends the loop and is reported through {@link #failure()}; a record that does not
 * decode is counted, logged with its position and skipped; anything else is retried with backoff.
 * An unreachable broker makes {@code poll} return nothing: the loop simply keeps polling. Commits
 * are asynchronous, every commit interval, of what the {@link CommitLedger} allows. Thread: {@link
 * #run} on its own thread; {@link #stop}, {@link #failure} and {@link #joined} from any.
 */
public final class AudioConsumer implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(AudioConsumer.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final ProcessConfig config;
  private final Consumer<byte[], byte[]> consumer;
  private final CallWorkers workers;
  private final CommitLedger ledger;
  private final ProcessMetrics metrics;
  private final Rebalance rebalance;
  private final SkipLog skipLog = new SkipLog(log);
  private final RetryBackoff backoff;
  private final Tenures tenures = new Tenures(System::nanoTime);
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile KafkaException failure;

  public AudioConsumer(
      ProcessConfig config,
      Consumer<byte[], byte[]> consumer,
      CallWorkers workers,
      CommitLedger ledger,
      ProcessMetrics metrics) {
    this.config = Objects.requireNonNull(config, "config");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.workers = Objects.requireNonNull(workers, "workers");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.backoff = new RetryBackoff(config.retryBackoffMaxMillis());
    this.rebalance = new Rebalance(consumer, workers, ledger, tenures);
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(config.audioTopic()), rebalance);
      long nextCommitNanos = System.nanoTime();
      while (!stopping && pollOnce()) {
        if (System.nanoTime() - nextCommitNanos >= 0) {
          commitAsync();
          metrics.consumerLag(lag());
          nextCommitNanos =
              System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.commitIntervalMillis());
        }
      }
      if (failure == null && workers.awaitQueued(DRAIN)) {
        commitSync(ledger.committable());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (KafkaException e) {
      fail(e);
    } finally {
      try {
        consumer.close(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        log.warn("process: the consumer did not close cleanly: {}", e.toString());
      }
      finished.countDown();
    }
  }

  /** One poll and its records; false when the loop must end. */
  private boolean pollOnce() throws InterruptedException {
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = consumer.poll(POLL);
    } catch (WakeupException e) {
      return !stopping;
    } catch (KafkaException e) {
      if (PollErrors.fatal(e)) {
        fail(e);
        return false;
      }
      metrics.pollRetried();
      long waitMillis = backoff.nextMillis();
      if (backoff.failures() == 1) {
        log.warn(
            "process: polling {} failed ({}); retrying with backoff",
            config.audioTopic(),
            e.toString());
      }
      return !stopSignal.await(waitMillis, TimeUnit.MILLISECONDS);
    }
    if (backoff.failures() > 0) {
      log.warn("process: polling works again after {} failures", backoff.failures());
      backoff.reset();
    }
    long nowMillis = System.currentTimeMillis();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      metrics.recordPolled(nowMillis - record.timestamp());
      if (!dispatch(record)) {
        return false;
      }
    }
    return true;
  }

  private boolean dispatch(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    AudioMessage message;
    try {
      message = AudioMessageCodec.decode(record.value());
    } catch (AudioCodecException e) {
      metrics.skipped(Skip.CORRUPT);
      skipLog.skipped(tp, record.offset(), e.getMessage());
      ledger.read(tp, record.offset());
      return true;
    }
    boolean queued;
    if (message instanceof CallStarted started) {
      boolean replay = rebalance.isReplay(tp, record.offset());
      queued = workers.start(started, ledger.hold(tp, record.offset()), replay, () -> stopping);
    } else {
      queued = workers.message(message, record.timestamp(), () -> stopping);
    }
    if (queued) {
      ledger.read(tp, record.offset());
    }
    return queued;
  }

  private void commitAsync() {
    Map<TopicPartition, OffsetAndMetadata> offsets = ledger.committable();
    if (offsets.isEmpty()) {
      return;
    }
    consumer.commitAsync(
        offsets,
        (committed, e) -> {
          if (e == null) {
            ledger.committed(committed);
          } else {
            log.debug("process: commit failed, retried at the next interval: {}", e.toString());
          }
        });
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets, Duration.ofSeconds(10));
      ledger.committed(offsets);
    } catch (KafkaException e) {
      log.warn(
          "process: final commit failed ({}); the next owner replays a little more", e.toString());
    }
  }

  private long lag() {
    long total = 0;
    for (TopicPartition tp : consumer.assignment()) {
      total += consumer.currentLag(tp).orElse(0);
    }
    return total;
  }

  private void fail(KafkaException e) {
    failure = e;
    log.error("process: stopping: {}", e.toString());
  }

  /** The fatal error that ended the loop, or null. */
  public KafkaException failure() {
    return failure;
  }

  /** True once the group has given this instance its partitions (possibly none). */
  public boolean joined() {
    return rebalance.joined();
  }

  /** When this instance held which partition (its calls analysed only within those spans). */
  public Tenures tenures() {
    return tenures;
  }

  /** True once {@link #run} has returned. */
  public boolean finished() {
    return finished.getCount() == 0;
  }

  /** Ends the loop: what is queued is analysed, the allowed offsets committed, the group left. */
  public void stop(Duration timeout) throws InterruptedException {
    stopping = true;
    stopSignal.countDown();
    consumer.wakeup();
    finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
