package io.tonewatch.alerting.audit;

import io.tonewatch.events.Action;
import io.tonewatch.events.ActionJson;
import io.tonewatch.events.Notification;
import io.tonewatch.events.NotificationJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records actions and notifications on their topics, keyed by call id, and waits for the broker's
 * acknowledgement: a notification counts as sent, and a restarted service sees it, only once the
 * broker holds it. The producer is idempotent with acks=all. Thread-safe (the producer is).
 */
public final class KafkaRecorder implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String actionsTopic;
  private final String notificationsTopic;
  private final Duration timeout;

  public KafkaRecorder(
      Properties producerSettings,
      String actionsTopic,
      String notificationsTopic,
      Duration timeout) {
    this.producer = new KafkaProducer<>(producerSettings);
    this.actionsTopic = actionsTopic;
    this.notificationsTopic = notificationsTopic;
    this.timeout = timeout;
  }

  /**
   * Records one action.
   *
   * @throws RecordingException when the broker did not acknowledge it in time
   */
  public void record(Action action) {
    send(actionsTopic, action.callId(), ActionJson.toBytes(action), action.actionId());
  }

  /**
   * Records one notification.
   *
   * @throws RecordingException when the broker did not acknowledge it in time
   */
  public void record(Notification notification) {
    send(
        notificationsTopic,
        notification.callId(),
        NotificationJson.toBytes(notification),
        notification.notificationId());
  }

  private void send(String topic, String callId, byte[] value, String id) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, callId.getBytes(StandardCharsets.UTF_8), value);
    try {
      producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordingException("interrupted while recording " + id + " on " + topic, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new RecordingException("could not record " + id + " on " + topic + ": " + e, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
