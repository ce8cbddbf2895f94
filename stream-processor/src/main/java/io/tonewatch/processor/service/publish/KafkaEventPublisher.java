package io.tonewatch.processor.service.publish;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.CallRecordJson;
import io.tonewatch.events.LegSummary;
import io.tonewatch.events.LegSummaryJson;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.metrics.ProcessMetrics;
import io.tonewatch.processor.service.offsets.CallHold;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes alert events to the alerts topic and leg summaries to the features topic, keyed by call
 * id, through one idempotent acks=all producer shared by the engine threads. When the producer
 * cannot take a record (the broker is unreachable and its buffer or metadata wait runs out) the
 * engine thread tries the same record again, so an outage slows the calls down instead of losing
 * their alerts. At most {@code process.max-unacknowledged-records} records are out at once: at the
 * bound the engine thread waits for an acknowledgement, so memory stays bounded however long the
 * broker is away and the wait travels back to the consumer (its queues fill, it stops reading). The
 * gauge {@code tonewatch.process.publish.unacknowledged} shows how many are out. Thread-safe:
 * {@link Producer} and the semaphore are.
 */
public final class KafkaEventPublisher implements EventSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

  private final ProcessConfig config;
  private final Producer<byte[], byte[]> producer;
  private final ProcessMetrics metrics;
  private final Clock clock;
  private final AtomicBoolean stalled = new AtomicBoolean();
  private final Semaphore unacknowledged;
  private volatile boolean closing;

  public KafkaEventPublisher(
      ProcessConfig config,
      Producer<byte[], byte[]> producer,
      ProcessMetrics metrics,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.unacknowledged = new Semaphore(config.maxUnacknowledgedRecords());
    metrics.gauge(
        "publish.unacknowledged",
        "Alerts and summaries sent to Kafka and not yet acknowledged",
        () -> config.maxUnacknowledgedRecords() - unacknowledged.availablePermits());
  }

  @Override
  public void alert(AlertEvent event, CallHold hold, long captureEpochMs) {
    Callback acked =
        (metadata, failure) -> {
          unacknowledged.release();
          if (failure == null) {
            hold.acknowledged();
            long lagMillis = captureEpochMs < 0 ? 0 : clock.millis() - captureEpochMs;
            metrics.alertPublished(event, lagMillis);
          } else {
            gaveUp(hold, "alert " + event.alertId() + " " + event.state().wireName(), failure);
          }
        };
    send(config.alertsTopic(), event.callId(), AlertEventJson.toBytes(event), hold, acked);
  }

  @Override
  public void call(CallRecord record, CallHold hold) {
    Callback acked =
        (metadata, failure) -> {
          unacknowledged.release();
          if (failure == null) {
            hold.acknowledged();
          } else {
            gaveUp(
                hold, "the " + record.state().wireName() + " of call " + record.callId(), failure);
          }
        };
    send(config.callsTopic(), record.callId(), CallRecordJson.toBytes(record), hold, acked);
  }

  @Override
  public void summary(LegSummary summary, CallHold hold) {
    Callback acked =
        (metadata, failure) -> {
          unacknowledged.release();
          if (failure == null) {
            hold.acknowledged();
            metrics.summaryPublished();
          } else {
            gaveUp(hold, "a summary of call " + summary.callId(), failure);
          }
        };
    send(config.featuresTopic(), summary.callId(), LegSummaryJson.toBytes(summary), hold, acked);
  }

  private void send(String topic, String callId, byte[] value, CallHold hold, Callback acked) {
    byte[] key = callId.getBytes(StandardCharsets.UTF_8);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
    hold.sending();
    if (!awaitRoom(hold)) {
      return;
    }
    while (true) {
      try {
        producer.send(record, acked);
        if (stalled.compareAndSet(true, false)) {
          log.warn("process: Kafka takes alerts again");
        }
        return;
      } catch (TimeoutException e) {
        if (stalled.compareAndSet(false, true)) {
          log.warn("process: Kafka does not take alerts ({}); the calls wait", e.getMessage());
        }
        if (closing) {
          unacknowledged.release();
          hold.failed();
          return;
        }
      } catch (InterruptException e) {
        unacknowledged.release();
        hold.failed();
        return;
      } catch (RuntimeException e) {
        unacknowledged.release();
        gaveUp(hold, "a record of call " + callId, e);
        return;
      }
    }
  }

  /** Waits for room under the bound; false (the hold failed) when closing or interrupted. */
  private boolean awaitRoom(CallHold hold) {
    try {
      boolean logged = false;
      while (!unacknowledged.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        if (!logged) {
          log.warn(
              "process: {} records await Kafka's acknowledgement (process.max-unacknowledged-"
                  + "records); the calls wait",
              config.maxUnacknowledgedRecords());
          logged = true;
        }
        if (closing) {
          hold.failed();
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      hold.failed();
      return false;
    }
  }

  private void gaveUp(CallHold hold, String what, Exception failure) {
    hold.failed();
    metrics.publishFailed();
    log.error(
        "process: Kafka refused {} on {}: {}; the call will be replayed from offset {}",
        what,
        hold.topicPartition(),
        failure.toString(),
        hold.startOffset());
  }

  /** Waits up to {@code timeout} for what is in flight, then closes the producer. */
  public void close(Duration timeout) {
    closing = true;
    producer.close(timeout);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
