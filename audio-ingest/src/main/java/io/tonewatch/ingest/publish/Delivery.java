package io.tonewatch.ingest.publish;

import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.IngestMetrics.PublishDrop;
import io.tonewatch.ingest.metrics.IngestMetrics.PublishError;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The outcome of one send of one record, which carries one or (a frame batch) several queued
 * messages; each is counted. The producer reports a record it could not take (buffer still full or
 * topic metadata still unknown after max.block.ms) by calling back on the sending thread before
 * {@code send} returns: that is a synchronous failure, kept for the sender to retry. Every other
 * callback comes from the producer's I/O thread once the broker has answered or the delivery
 * timeout has passed, and is counted here.
 */
final class Delivery implements Callback {
  private final List<PublishQueue.Entry> entries;
  private final IngestMetrics metrics;
  private final LongSupplier nanoTime;
  private final PublishWarnings warnings;
  private final BooleanSupplier closing;
  private final Thread sendingThread = Thread.currentThread();
  private Exception synchronousFailure; // written and read by the sending thread only

  Delivery(
      List<PublishQueue.Entry> entries,
      IngestMetrics metrics,
      LongSupplier nanoTime,
      PublishWarnings warnings,
      BooleanSupplier closing) {
    this.entries = entries;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
    this.warnings = warnings;
    this.closing = closing;
  }

  @Override
  public void onCompletion(RecordMetadata metadata, Exception exception) {
    if (exception != null && Thread.currentThread() == sendingThread) {
      synchronousFailure = exception;
      return;
    }
    if (exception == null) {
      long nowNanos = nanoTime.getAsLong();
      for (PublishQueue.Entry entry : entries) {
        metrics.published(entry.message(), nowNanos - entry.acceptNanos());
      }
      return;
    }
    PublishError kind = classify(exception, false);
    metrics.publishError(kind);
    PublishDrop drop = closing.getAsBoolean() ? PublishDrop.SHUTDOWN : PublishDrop.FAILED;
    for (PublishQueue.Entry entry : entries) {
      metrics.publishDropped(entry.message(), drop);
    }
    warnings.warn(
        kind,
        "call "
            + entries.get(0).message().callId()
            + " lost "
            + entries.size()
            + " messages: "
            + exception);
  }

  void failedInSend(Exception exception) {
    synchronousFailure = exception;
  }

  /** The failure reported before send returned, or null when the producer took the record. */
  Exception synchronousFailure() {
    return synchronousFailure;
  }

  static PublishError classify(Exception exception, boolean synchronous) {
    if (exception instanceof TimeoutException) {
      return synchronous ? PublishError.SEND_TIMEOUT : PublishError.DELIVERY_TIMEOUT;
    }
    if (exception instanceof RecordTooLargeException) {
      return PublishError.RECORD_TOO_LARGE;
    }
    if (exception instanceof AuthenticationException
        || exception instanceof AuthorizationException) {
      return PublishError.AUTHORIZATION;
    }
    return PublishError.OTHER;
  }
}
