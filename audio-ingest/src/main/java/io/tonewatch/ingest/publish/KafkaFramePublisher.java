package io.tonewatch.ingest.publish;

import io.tonewatch.events.audio.AudioCodecException;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.AudioMessageCodec;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.IngestMetrics.PublishDrop;
import io.tonewatch.ingest.metrics.IngestMetrics.PublishError;
import io.tonewatch.ingest.sink.FrameSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every {@link AudioMessage} to the audio topic, keyed by call id (UTF-8), valued by
 * {@link AudioMessageCodec}. {@link #accept} only queues ({@link PublishQueue}: never blocks, drops
 * the oldest frame when full); one sender thread drains the queue, gathers consecutive frames of a
 * leg into one record ({@link FrameBatcher}: Kafka's cost is per record) and hands the records to
 * an idempotent acks=all producer. Each record's timestamp is the capture time of its first frame
 * (when it was accepted). When the producer cannot take a record (its buffer is full or the broker
 * is unreachable for max.block.ms) the sender retries that same record, so during an outage audio
 * waits in the queue, in order, and is delivered when the broker returns; only the drop-oldest rule
 * (and, for good, a delivery timeout or a non-retriable error) loses anything, and every loss is
 * counted. The gauge {@code tonewatch.ingest.publish.stalled} reads 1 while the producer refuses
 * records (an outage is under way and audio is waiting) and 0 otherwise. Thread-safety: {@code
 * accept} from any thread; the sender thread owns {@code stalledSinceNanos} and the batcher and
 * writes {@code stalled}; {@code close} from one thread.
 */
public final class KafkaFramePublisher implements FrameSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaFramePublisher.class);
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final PublisherSettings settings;
  private final IngestMetrics metrics;
  private final Producer<byte[], byte[]> producer;
  private final LongSupplier nanoTime;
  private final PublishQueue queue;
  private final FrameBatcher batcher;
  private final Thread sender;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final PublishWarnings warnings;
  private volatile boolean closing;
  private volatile long closeDeadlineNanos;
  private long stalledSinceNanos = -1;
  private volatile boolean stalled;

  /** Starts a publisher with a real {@link KafkaProducer} built from {@code settings}. */
  public static KafkaFramePublisher start(PublisherSettings settings, IngestMetrics metrics) {
    return start(settings, Map.of(), metrics);
  }

  /**
   * Starts a publisher as above; {@code clientProperties} (e.g. {@code security.protocol}, {@code
   * sasl.jaas.config}) fill in every producer key the publisher does not set itself.
   */
  public static KafkaFramePublisher start(
      PublisherSettings settings, Map<String, String> clientProperties, IngestMetrics metrics) {
    return new KafkaFramePublisher(
        settings,
        metrics,
        new KafkaProducer<>(settings.producerProperties(clientProperties)),
        System::nanoTime);
  }

  KafkaFramePublisher(
      PublisherSettings settings,
      IngestMetrics metrics,
      Producer<byte[], byte[]> producer,
      LongSupplier nanoTime) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.warnings = new PublishWarnings(log, nanoTime);
    this.queue =
        new PublishQueue(
            settings.queueFrames(), settings.controlQueueMessages(), metrics::publishDropped);
    this.batcher = new FrameBatcher(settings.batchFrames(), settings.batchMillis());
    metrics.publishQueue(queue::size, settings.queueFrames());
    metrics.gauge(
        "publish.producer.buffer.used.bytes",
        "Bytes of the Kafka producer's buffer holding unsent records",
        () -> ProducerBuffer.usedBytes(producer));
    metrics.gauge(
        "publish.stalled",
        "1 while the Kafka producer refuses records and audio waits in the queue, else 0",
        () -> stalled ? 1 : 0);
    this.sender = new Thread(this::drainToProducer, "tonewatch-publish-sender");
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public void accept(AudioMessage message) {
    if (closing) {
      metrics.publishDropped(message, PublishDrop.SHUTDOWN);
      return;
    }
    queue.offer(message, nanoTime.getAsLong());
  }

  /** True while the producer refuses records, so that audio waits in the queue. */
  public boolean stalled() {
    return stalled;
  }

  @Override
  public Optional<String> blockedReason() {
    return stalled
        ? Optional.of("Kafka " + settings.bootstrapServers() + " is not taking records")
        : Optional.empty();
  }

  /** Messages waiting in the queue now (not counting those inside the producer). */
  public int queued() {
    return queue.size();
  }

  private void drainToProducer() {
    try {
      while (true) {
        if (!publish(batcher.due(nanoTime.getAsLong()))) {
          return;
        }
        long waitNanos =
            closing ? 0 : Math.min(IDLE_POLL_NANOS, batcher.nanosUntilDue(nanoTime.getAsLong()));
        PublishQueue.Entry entry = queue.take(waitNanos);
        if (entry != null) {
          metrics.publishTaken(nanoTime.getAsLong() - entry.acceptNanos());
          if (!publish(batcher.add(entry, nanoTime.getAsLong()))) {
            return;
          }
        } else if (closing) {
          publish(batcher.flushAll());
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (FrameBatcher.Outgoing unsent : batcher.flushAll()) {
        dropped(unsent, PublishDrop.SHUTDOWN);
      }
    }
  }

  private boolean publish(List<FrameBatcher.Outgoing> records) {
    for (int i = 0; i < records.size(); i++) {
      if (!publish(records.get(i))) {
        for (FrameBatcher.Outgoing unsent : records.subList(i + 1, records.size())) {
          dropped(unsent, PublishDrop.SHUTDOWN);
        }
        return false;
      }
    }
    return true;
  }

  /** Hands one record to the producer, retrying what it could not take; false: stop sending. */
  private boolean publish(FrameBatcher.Outgoing outgoing) {
    AudioMessage message = outgoing.message();
    byte[] value;
    try {
      value = AudioMessageCodec.encode(message);
    } catch (AudioCodecException e) {
      metrics.publishError(PublishError.ENCODE);
      dropped(outgoing, PublishDrop.FAILED);
      warnings.warn(PublishError.ENCODE, "call " + message.callId() + ": " + e.getMessage());
      return true;
    }
    byte[] key = message.callId().getBytes(StandardCharsets.UTF_8);
    long captureEpochMs =
        System.currentTimeMillis()
            - (nanoTime.getAsLong() - outgoing.entries().get(0).acceptNanos()) / 1_000_000;
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(settings.topic(), null, captureEpochMs, key, value);
    while (true) {
      Delivery delivery =
          new Delivery(outgoing.entries(), metrics, nanoTime, warnings, () -> closing);
      long sendStartNanos = nanoTime.getAsLong();
      try {
        producer.send(record, delivery);
      } catch (InterruptException e) {
        dropped(outgoing, PublishDrop.SHUTDOWN);
        return false;
      } catch (RuntimeException e) {
        delivery.failedInSend(e);
      }
      Exception failure = delivery.synchronousFailure();
      if (failure == null) {
        handedOff(outgoing, sendStartNanos);
        recovered();
        return true;
      }
      PublishError kind = Delivery.classify(failure, true);
      metrics.publishError(kind);
      if (!(failure instanceof RetriableException)) {
        dropped(outgoing, PublishDrop.FAILED);
        warnings.warn(kind, "call " + message.callId() + " lost a message: " + failure);
        return true;
      }
      stalled(failure);
      if (closing && nanoTime.getAsLong() - closeDeadlineNanos >= 0) {
        dropped(outgoing, PublishDrop.SHUTDOWN);
        return false;
      }
    }
  }

  private void handedOff(FrameBatcher.Outgoing outgoing, long sendStartNanos) {
    long nowNanos = nanoTime.getAsLong();
    metrics.publishSent(nowNanos - sendStartNanos);
    for (PublishQueue.Entry entry : outgoing.entries()) {
      metrics.publishHandedOff(nowNanos - entry.acceptNanos());
    }
  }

  private void dropped(FrameBatcher.Outgoing outgoing, PublishDrop reason) {
    for (PublishQueue.Entry entry : outgoing.entries()) {
      metrics.publishDropped(entry.message(), reason);
    }
  }

  private void stalled(Exception failure) {
    if (stalledSinceNanos < 0) {
      stalledSinceNanos = nanoTime.getAsLong();
      stalled = true;
      log.warn(
          "Kafka {} is not taking records ({}); queueing audio, {} messages waiting",
          settings.bootstrapServers(),
          failure.getMessage(),
          queue.size());
    }
  }

  private void recovered() {
    if (stalledSinceNanos >= 0) {
      long stalledMillis = (nanoTime.getAsLong() - stalledSinceNanos) / 1_000_000;
      stalledSinceNanos = -1;
      stalled = false;
      log.warn(
          "Kafka {} takes records again after {} ms; {} messages waiting",
          settings.bootstrapServers(),
          stalledMillis,
          queue.size());
    }
  }

  /**
   * Delivers what is queued within the close timeout, then closes the producer (which waits for
   * acknowledgements in the time left). What is still queued after that is counted as dropped.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeDeadlineNanos = nanoTime.getAsLong() + settings.closeTimeoutMillis() * 1_000_000L;
    closing = true;
    try {
      sender.join(Math.max(1, settings.closeTimeoutMillis()));
      if (sender.isAlive()) {
        sender.interrupt();
        sender.join(1_000);
      }
      for (PublishQueue.Entry entry : queue.drain()) {
        metrics.publishDropped(entry.message(), PublishDrop.SHUTDOWN);
      }

    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long leftNanos = Math.max(0, closeDeadlineNanos - nanoTime.getAsLong());
    producer.close(Duration.ofNanos(leftNanos));
  }
}
