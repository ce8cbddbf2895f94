package io.tonewatch.processor.service.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.LegSummary;
import io.tonewatch.processor.service.calls.CallWorkers;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import io.tonewatch.processor.service.metrics.ProcessMetrics;
import io.tonewatch.processor.service.offsets.CallHold;
import io.tonewatch.processor.service.offsets.CommitLedger;
import io.tonewatch.processor.service.publish.EventSink;
import io.tonewatch.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consumer loop's error tiers, against Kafka's own {@link MockConsumer}. */
class AudioConsumerTest {
  private static final TopicPartition TP = new TopicPartition("tonewatch.audio", 0);

  private final ProcessConfig config =
      ProcessConfigLoader.fromMap(Map.of("process.retry-backoff-max-ms", "10"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProcessMetrics metrics = new ProcessMetrics(registry);
  private final MockConsumer<byte[], byte[]> mock = new MockConsumer<>("earliest");
  private final CallWorkers workers =
      new CallWorkers(config, new Discard(), metrics, System::nanoTime);
  private final AudioConsumer consumer =
      new AudioConsumer(config, mock, workers, new CommitLedger(), metrics);
  private final Thread thread = new Thread(consumer, "test-consumer");

  private static final class Discard implements EventSink {
    @Override
    public void alert(AlertEvent event, CallHold hold, long captureEpochMs) {}

    @Override
    public void call(CallRecord record, CallHold hold) {}

    @Override
    public void summary(LegSummary summary, CallHold hold) {}
  }

  private void startAssigned() {
    mock.schedulePollTask(
        () -> {
          mock.updateBeginningOffsets(Map.of(TP, 0L));
          mock.updateEndOffsets(Map.of(TP, 0L));
          mock.rebalance(List.of(TP));
        });
    thread.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    consumer.stop(Duration.ofSeconds(10));
    workers.close();
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void anAuthorisationErrorStopsTheLoopAndIsReported() {
    startAssigned();
    mock.schedulePollTask(() -> mock.setPollException(new TopicAuthorizationException("denied")));
    Await.until("the loop to end", consumer::finished);
    assertInstanceOf(TopicAuthorizationException.class, consumer.failure());
  }

  @Test
  void aTransientErrorIsRetriedAndTheLoopGoesOn() {
    startAssigned();
    mock.schedulePollTask(() -> mock.setPollException(new KafkaException("broker hiccup")));
    mock.schedulePollTask(
        () -> mock.addRecord(new ConsumerRecord<>(TP.topic(), 0, 0, new byte[0], new byte[] {1})));
    Await.until(
        "the record after the retry",
        () -> counter(ProcessMetrics.PREFIX + "records.skipped", "reason", "corrupt") == 1);
    assertEquals(1.0, counter(ProcessMetrics.PREFIX + "poll.retries"));
    assertNull(consumer.failure());
  }

  @Test
  void recordsThatDoNotDecodeAreCountedAndSkipped() {
    startAssigned();
    mock.schedulePollTask(
        () -> {
          mock.addRecord(new ConsumerRecord<>(TP.topic(), 0, 0, new byte[0], null));
          mock.addRecord(
              new ConsumerRecord<>(TP.topic(), 0, 1, new byte[0], new byte[] {'T', 'W'}));
        });
    Await.until(
        "both records skipped",
        () -> counter(ProcessMetrics.PREFIX + "records.skipped", "reason", "corrupt") == 2);
    Await.until("the commit past them", () -> committedOffset() == 2);
  }

  private long committedOffset() {
    OffsetAndMetadata offset = mock.committed(Set.of(TP)).get(TP);
    return offset == null ? -1 : offset.offset();
  }
}
