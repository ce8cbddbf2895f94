package io.tonewatch.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.AudioMessageCodec;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.events.audio.FrameBatch;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaFramePublisherTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final IngestMetrics metrics = new IngestMetrics(registry);
  final List<KafkaFramePublisher> publishers = new ArrayList<>();

  @AfterEach
  void closePublishers() {
    publishers.forEach(KafkaFramePublisher::close);
  }

  static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  KafkaFramePublisher publisher(
      MockProducer<byte[], byte[]> producer, int queueFrames, int closeMs) {
    return publisher(producer, queueFrames, closeMs, 1);
  }

  KafkaFramePublisher publisher(
      MockProducer<byte[], byte[]> producer, int queueFrames, int closeMs, int batchFrames) {
    PublisherSettings d = PublisherSettings.defaults("127.0.0.1:9");
    PublisherSettings settings =
        new PublisherSettings(
            d.bootstrapServers(),
            d.topic(),
            d.clientId(),
            queueFrames,
            4,
            5,
            "lz4",
            d.bufferMemoryBytes(),
            100,
            d.deliveryTimeoutMillis(),
            closeMs,
            batchFrames,
            100);
    KafkaFramePublisher publisher =
        new KafkaFramePublisher(settings, metrics, producer, System::nanoTime);
    publishers.add(publisher);
    return publisher;
  }

  static AudioFrame frame(String callId, Leg leg, long sequence) {
    short[] samples = new short[AudioFrame.SAMPLES];
    samples[0] = (short) sequence;
    return new AudioFrame(callId, leg, sequence, sequence * 20, false, samples);
  }

  static CallStarted started(String callId) {
    return new CallStarted(callId, Instant.EPOCH, Set.of(Leg.CUSTOMER, Leg.AGENT), Map.of());
  }

  static void await(String what, BooleanSupplier condition) {
    Await.until(what, condition);
  }

  static List<AudioMessage> decoded(MockProducer<byte[], byte[]> producer) {
    List<AudioMessage> messages = new ArrayList<>();
    for (ProducerRecord<byte[], byte[]> record : producer.history()) {
      List<AudioMessage> decoded = AudioMessageCodec.decodeFrames(record.value());
      assertEquals(decoded.get(0).callId(), new String(record.key(), StandardCharsets.UTF_8));
      assertEquals("tonewatch.audio", record.topic());
      messages.addAll(decoded);
    }
    return messages;
  }

  static void stall(MockProducer<byte[], byte[]> producer, RuntimeException failure) {
    synchronized (producer) {
      producer.sendException = failure;
    }
  }

  double stalledGauge() {
    return registry.get("tonewatch.ingest.publish.stalled").gauge().value();
  }

  double count(String name, String... tags) {
    return registry.get("tonewatch.ingest.publish." + name).tags(tags).counter().count();
  }

  Timer timer(String name) {
    return registry.get("tonewatch.ingest.publish." + name).timer();
  }

  @Test
  void publishesEveryMessageKeyedByCallIdInAcceptOrder() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(true);
    KafkaFramePublisher publisher = publisher(producer, 100, 1_000);
    publisher.accept(started("call-1"));
    publisher.accept(frame("call-1", Leg.CUSTOMER, 0));
    publisher.accept(frame("call-1", Leg.AGENT, 0));
    publisher.accept(new CallEnded("call-1", Instant.EPOCH, EndReason.HANGUP));
    await("4 records", () -> producer.history().size() == 4);
    List<AudioMessage> messages = decoded(producer);
    assertInstanceOf(CallStarted.class, messages.get(0));
    assertEquals(Leg.CUSTOMER, ((AudioFrame) messages.get(1)).leg());
    assertEquals(Leg.AGENT, ((AudioFrame) messages.get(2)).leg());
    assertInstanceOf(CallEnded.class, messages.get(3));
    await("counted", () -> count("messages", "type", "frame") == 2);
    assertEquals(1, count("messages", "type", "call_started"));
    assertEquals(1, count("messages", "type", "call_ended"));
    assertEquals(4, registry.get("tonewatch.ingest.publish.latency").timer().count());
  }

  @Test
  void batchesALegsFramesIntoOneRecordStampedWithTheFirstFramesCaptureAndKeepsTheCallsOrder() {
    MockProducer<byte[], byte[]> producer = producer(true);
    KafkaFramePublisher publisher = publisher(producer, 100, 1_000, 4);
    long beforeMs = System.currentTimeMillis();
    publisher.accept(started("call-1"));
    for (int sequence = 0; sequence < 6; sequence++) {
      publisher.accept(frame("call-1", Leg.CUSTOMER, sequence));
    }
    publisher.accept(frame("call-1", Leg.AGENT, 0));
    publisher.accept(new CallEnded("call-1", Instant.EPOCH, EndReason.HANGUP));
    await("5 records", () -> producer.history().size() == 5);
    List<ProducerRecord<byte[], byte[]>> records = producer.history();
    assertInstanceOf(CallStarted.class, AudioMessageCodec.decode(records.get(0).value()));
    FrameBatch full =
        assertInstanceOf(FrameBatch.class, AudioMessageCodec.decode(records.get(1).value()));
    assertEquals(4, full.frames().size(), "customer 0-3 went out when the batch was full");
    assertTrue(records.get(1).timestamp() >= beforeMs, "stamped with the capture time");
    assertTrue(records.get(1).timestamp() <= System.currentTimeMillis());
    List<AudioMessage> rest = new ArrayList<>();
    records.subList(2, 5).forEach(r -> rest.add(AudioMessageCodec.decode(r.value())));
    assertEquals(2, ((FrameBatch) rest.get(0)).frames().size(), "customer 4-5 before the end");
    assertEquals(Leg.AGENT, ((AudioFrame) rest.get(1)).leg(), "the agent's lone frame");
    assertInstanceOf(CallEnded.class, rest.get(2));
    await("counted", () -> count("messages", "type", "frame") == 7);
    await("every message's hand-off timed", () -> timer("handoff").count() == 9);
    assertEquals(9, timer("queue.wait").count(), "each message's wait in the queue");
    assertEquals(5, timer("send").count(), "the producer's send, once per record");
  }

  @Test
  void dropsTheOldestFramesButNoCallStartOrEndWhileTheProducerCannotTakeRecords() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(true);
    stall(producer, new TimeoutException("buffer full"));
    KafkaFramePublisher publisher = publisher(producer, 3, 1_000);
    publisher.accept(started("call-1"));
    await("the sender to hold the call start", () -> publisher.queued() == 0);
    for (int sequence = 0; sequence < 10; sequence++) {
      publisher.accept(frame("call-1", Leg.CUSTOMER, sequence));
    }
    publisher.accept(new CallEnded("call-1", Instant.EPOCH, EndReason.HANGUP));
    assertEquals(4, publisher.queued(), "3 newest frames and the call end");
    assertEquals(7, count("dropped", "type", "frame", "reason", "queue_full"));
    await("retries", () -> count("errors", "kind", "send_timeout") >= 2);
    assertEquals(0, producer.history().size());
    assertEquals(1, stalledGauge(), "the outage shows on the stalled gauge");

    stall(producer, null);
    await("5 records", () -> producer.history().size() == 5);
    await("the stalled gauge to clear", () -> stalledGauge() == 0);
    List<AudioMessage> messages = decoded(producer);
    assertInstanceOf(CallStarted.class, messages.get(0));
    assertEquals(7, ((AudioFrame) messages.get(1)).sequence());
    assertEquals(8, ((AudioFrame) messages.get(2)).sequence());
    assertEquals(9, ((AudioFrame) messages.get(3)).sequence());
    assertInstanceOf(CallEnded.class, messages.get(4));
    assertEquals(3, registry.get("tonewatch.ingest.publish.queue.capacity").gauge().value());
  }

  @Test
  void boundsCallStartsAndEndsSeparatelyFromFrames() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(true);
    stall(producer, new TimeoutException("buffer full"));
    KafkaFramePublisher publisher = publisher(producer, 3, 1_000);
    publisher.accept(started("held-by-the-sender"));
    await("the sender to hold the first start", () -> publisher.queued() == 0);
    for (int call = 0; call < 6; call++) {
      publisher.accept(started("call-" + call));
    }
    assertEquals(4, publisher.queued());
    assertEquals(2, count("dropped", "type", "call_started", "reason", "control_queue_full"));
  }

  @Test
  void countsARecordTheBrokerNeverAcknowledgedAsLost() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(false);
    KafkaFramePublisher publisher = publisher(producer, 10, 1_000);
    publisher.accept(frame("call-1", Leg.AGENT, 0));
    publisher.accept(frame("call-1", Leg.AGENT, 1));
    await("2 sends", () -> producer.history().size() == 2);
    assertTrue(producer.errorNext(new TimeoutException("delivery timeout")));
    assertTrue(producer.completeNext());
    assertEquals(1, count("errors", "kind", "delivery_timeout"));
    assertEquals(1, count("dropped", "type", "frame", "reason", "failed"));
    assertEquals(1, count("messages", "type", "frame"));
  }

  @Test
  void countsAMessageItCannotEncodeAndPublishesTheNext() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(true);
    KafkaFramePublisher publisher = publisher(producer, 10, 1_000);
    Map<String, String> tooMuch = new HashMap<>();
    for (int i = 0; i <= AudioMessageCodec.MAX_METADATA_ENTRIES; i++) {
      tooMuch.put("k" + i, "v");
    }
    publisher.accept(new CallStarted("call-1", Instant.EPOCH, Set.of(), tooMuch));
    publisher.accept(frame("call-1", Leg.AGENT, 0));
    await("1 record", () -> producer.history().size() == 1);
    assertEquals(1, count("errors", "kind", "encode"));
    assertEquals(1, count("dropped", "type", "call_started", "reason", "failed"));
  }

  @Test
  void closeDeliversWhatIsQueuedAndClosesTheProducer() {
    MockProducer<byte[], byte[]> producer = producer(true);
    KafkaFramePublisher publisher = publisher(producer, 1_000, 60_000);
    for (int sequence = 0; sequence < 500; sequence++) {
      publisher.accept(frame("call-1", Leg.CUSTOMER, sequence));
    }
    publisher.close();
    assertEquals(500, producer.history().size());
    assertTrue(producer.closed());
    publisher.accept(frame("call-1", Leg.CUSTOMER, 500));
    assertEquals(1, count("dropped", "type", "frame", "reason", "shutdown"));
  }

  @Test
  void closeGivesUpAtItsDeadlineAndCountsWhatWasLeft() {
    MockProducer<byte[], byte[]> producer = producer(true);
    stall(producer, new TimeoutException("broker down"));
    KafkaFramePublisher publisher = publisher(producer, 1_000, 300);
    for (int sequence = 0; sequence < 20; sequence++) {
      publisher.accept(frame("call-1", Leg.CUSTOMER, sequence));
    }
    await("the sender to stall", publisher::stalled);
    publisher.close(); // returns although the producer never takes a record: it gave up
    assertEquals(20, count("dropped", "type", "frame", "reason", "shutdown"));
    assertTrue(producer.closed());
  }
}
