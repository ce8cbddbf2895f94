package io.tonewatch.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.AudioMessageCodec;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.testing.Await;
import io.tonewatch.testing.TestKafka;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while a call is being published and comes back: what fits in the queue is
 * delivered, in order and once; what does not fit is the oldest audio, dropped and counted. Each
 * test reaches the outage by its own state, not by timing: it stops the broker, feeds frames until
 * the publisher reports itself stalled (the producer's buffer is full), then queues a known number
 * more. Each test has a cluster of its own, so one test's outage cannot reach the next.
 */
class KafkaFramePublisherOutageIT {
  static final int PARTITIONS = 3;
  static final String CALL = "outage-call";
  static final int BUFFER_BYTES = 1 << 20;

  /** Each frame's record carries at least its 320 bytes of noise, which lz4 cannot shrink. */
  static final int MOST_FRAMES_A_BUFFER_HOLDS = BUFFER_BYTES / (2 * AudioFrame.SAMPLES);

  TestKafka kafka;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final IngestMetrics metrics = new IngestMetrics(registry);

  @BeforeEach
  void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterEach
  void stopKafka() throws Exception {
    kafka.close();
  }

  /**
   * The delivery timeout is far longer than any outage here, so nothing the producer holds expires
   * while the broker is away, however slow the machine.
   */
  PublisherSettings settings(String topic, int queueFrames) {
    return new PublisherSettings(
        kafka.bootstrapServers(),
        topic,
        "outage-it",
        queueFrames,
        100,
        5,
        "lz4",
        BUFFER_BYTES,
        200,
        1_800_000,
        (int) Await.PATIENCE.toMillis(),
        PublisherSettings.DEFAULT_BATCH_FRAMES,
        PublisherSettings.DEFAULT_BATCH_MILLIS);
  }

  static AudioFrame frame(Leg leg, long sequence) {
    // Noise, so that lz4 cannot shrink it: the producer's buffer holds what the test says.
    Random random = new Random(sequence * 2 + leg.ordinal());
    short[] samples = new short[AudioFrame.SAMPLES];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) random.nextInt();
    }
    return new AudioFrame(CALL, leg, sequence, sequence * 20, false, samples);
  }

  /** Accepts frames {@code from} (inclusive) to {@code to} of both legs, alternating. */
  static void publishFrames(KafkaFramePublisher publisher, int from, int to) {
    for (int sequence = from; sequence < to; sequence++) {
      publisher.accept(frame(Leg.CUSTOMER, sequence));
      publisher.accept(frame(Leg.AGENT, sequence));
    }
  }

  double count(String name, String... tags) {
    return registry.get("tonewatch.ingest.publish." + name).tags(tags).counter().count();
  }

  double dropped() {
    return registry.get("tonewatch.ingest.publish.dropped").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  /** What {@link #publishThroughAnOutage} sent: the publisher and the frames each leg got. */
  record Outage(KafkaFramePublisher publisher, int framesPerLeg) {}

  /**
   * Publishes the call's start and first frames, stops the broker, fills the producer until the
   * publisher stalls, queues {@code framesAfterStall} more a leg and the call's end, and starts the
   * broker again.
   */
  Outage publishThroughAnOutage(String topic, int queueFrames, int framesAfterStall)
      throws Exception {
    kafka.createTopic(topic, PARTITIONS);
    KafkaFramePublisher publisher =
        KafkaFramePublisher.start(settings(topic, queueFrames), metrics);
    publisher.accept(
        new CallStarted(CALL, Instant.EPOCH, Set.of(Leg.CUSTOMER, Leg.AGENT), Map.of()));
    publishFrames(publisher, 0, 20);
    Await.until("the first frames", () -> count("messages", "type", "frame") == 40);

    kafka.stopBroker();
    // In steps the queue holds: each step either goes into the producer's buffer or stalls it.
    int sequence = 20;
    while (!publisher.stalled()) {
      assertTrue(
          sequence < 10 * MOST_FRAMES_A_BUFFER_HOLDS,
          "the producer never filled its buffer: it took " + sequence + " frames a leg");
      publishFrames(publisher, sequence, sequence + 100);
      sequence += 100;
      Await.until(
          "the sender to hand on the frames or stall",
          () -> publisher.queued() == 0 || publisher.stalled());
    }
    assertEquals(1, registry.get("tonewatch.ingest.publish.stalled").gauge().value());
    publishFrames(publisher, sequence, sequence + framesAfterStall);
    publisher.accept(new CallEnded(CALL, Instant.EPOCH, EndReason.HANGUP));
    assertTrue(publisher.stalled(), "the broker is still away");
    assertTrue(publisher.blockedReason().isPresent(), "readiness says the broker is away");
    assertTrue(publisher.queued() > 0, "audio waits in the publisher's queue");
    assertTrue(publisher.queued() <= queueFrames + 1, "bounded: " + publisher.queued());
    kafka.startBroker();
    return new Outage(publisher, sequence + framesAfterStall);
  }

  /**
   * The call as read back: start first, end last, each leg's frames in increasing order, whether
   * the records carry one frame or a batch.
   */
  Map<Leg, List<Long>> readBack(String topic, int expectedMessages) {
    List<ConsumerRecord<byte[], byte[]>> records =
        kafka.consume(
            topic,
            PARTITIONS,
            expectedMessages + " messages",
            read -> messages(read).size() >= expectedMessages);
    List<AudioMessage> messages = messages(records);
    assertEquals(expectedMessages, messages.size(), "each message exactly once");
    assertInstanceOf(CallStarted.class, messages.get(0));
    assertInstanceOf(CallEnded.class, messages.get(messages.size() - 1));
    Map<Leg, List<Long>> sequences = new EnumMap<>(Leg.class);
    for (AudioMessage message : messages.subList(1, messages.size() - 1)) {
      AudioFrame frame = assertInstanceOf(AudioFrame.class, message);
      List<Long> leg = sequences.computeIfAbsent(frame.leg(), l -> new ArrayList<>());
      assertTrue(leg.isEmpty() || leg.get(leg.size() - 1) < frame.sequence(), "order kept");
      assertEquals(frame(frame.leg(), frame.sequence()).samples()[5], frame.samples()[5]);
      leg.add(frame.sequence());
    }
    return sequences;
  }

  static List<AudioMessage> messages(List<ConsumerRecord<byte[], byte[]>> records) {
    List<AudioMessage> messages = new ArrayList<>();
    records.forEach(r -> messages.addAll(AudioMessageCodec.decodeFrames(r.value())));
    return messages;
  }

  @Test
  void deliversEverythingQueuedDuringABrokerOutageInOrderAndOnce() throws Exception {
    Outage outage = publishThroughAnOutage("it.audio.outage", 20_000, 2_000);
    int framesPerLeg = outage.framesPerLeg();
    try (KafkaFramePublisher publisher = outage.publisher()) {
      Await.until(
          "delivery after the outage",
          () ->
              count("messages", "type", "frame") == 2 * framesPerLeg
                  && count("messages", "type", "call_ended") == 1);
      assertFalse(publisher.stalled(), "the publisher recovered");
      assertTrue(publisher.blockedReason().isEmpty(), "ready again");
    }
    assertEquals(0, dropped(), "nothing within the queue bound is lost");
    Map<Leg, List<Long>> sequences = readBack("it.audio.outage", 2 + 2 * framesPerLeg);
    for (Leg leg : Leg.values()) {
      assertEquals(framesPerLeg, sequences.get(leg).size());
      assertEquals(framesPerLeg - 1, sequences.get(leg).get(framesPerLeg - 1));
    }
  }

  @Test
  void aFullQueueDropsTheOldestFramesCountsThemAndKeepsTheCallStartAndEnd() throws Exception {
    int queueFrames = 500;
    Outage outage = publishThroughAnOutage("it.audio.bounded", queueFrames, 1_000);
    int framesPerLeg = outage.framesPerLeg();
    double frames;
    try (KafkaFramePublisher publisher = outage.publisher()) {
      Await.until("delivery after the outage", () -> count("messages", "type", "call_ended") == 1);
      frames = count("messages", "type", "frame");
    }
    double droppedFrames = count("dropped", "type", "frame", "reason", "queue_full");
    assertTrue(droppedFrames >= 2 * 1_000 - queueFrames, "the outage outlasted the queue");
    assertEquals(2 * framesPerLeg, frames + droppedFrames, "every frame published or counted");
    assertEquals(droppedFrames, dropped(), "only frames, only for a full queue");
    Map<Leg, List<Long>> sequences = readBack("it.audio.bounded", 2 + (int) frames);
    for (Leg leg : Leg.values()) {
      List<Long> delivered = sequences.get(leg);
      List<Long> newest = delivered.subList(delivered.size() - queueFrames / 2, delivered.size());
      assertEquals(framesPerLeg - queueFrames / 2, newest.get(0), "the newest audio survives");
      assertEquals(framesPerLeg - 1, newest.get(newest.size() - 1));
      for (int i = 1; i < newest.size(); i++) {
        assertEquals(newest.get(i - 1) + 1, newest.get(i));
      }
    }
  }
}
