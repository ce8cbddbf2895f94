package io.tonewatch.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.tonewatch.testing.TestKafka;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while a call is being published and comes back: what fits in the queue is
 * delivered, in order and once; what does not fit is the oldest audio, dropped and counted.
 */
class KafkaFramePublisherOutageIT {
  static final int PARTITIONS = 3;
  static final String CALL = "outage-call";
  static TestKafka kafka;

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final IngestMetrics metrics = new IngestMetrics(registry);

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  /** 1 MiB of producer buffer holds about 2,700 frames: a longer outage reaches the queue. */
  static PublisherSettings settings(String topic, int queueFrames) {
    return new PublisherSettings(
        kafka.bootstrapServers(),
        topic,
        "outage-it",
        queueFrames,
        100,
        5,
        "lz4",
        1 << 20,
        200,
        120_000,
        30_000);
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

  static void await(String what, long timeoutMillis, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      Thread.sleep(10);
    }
  }

  static void log(String what) {
    System.err.println(java.time.LocalTime.now() + " outage-it: " + what);
  }

  double count(String name, String... tags) {
    return registry.get("tonewatch.ingest.publish." + name).tags(tags).counter().count();
  }

  double dropped() {
    return registry.get("tonewatch.ingest.publish.dropped").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  /** Publishes the call's start and first frames, stops the broker, publishes the rest. */
  KafkaFramePublisher publishThroughAnOutage(String topic, int queueFrames, int framesPerLeg)
      throws Exception {
    long startNanos = System.nanoTime();
    kafka.createTopic(topic, PARTITIONS);
    KafkaFramePublisher publisher =
        KafkaFramePublisher.start(settings(topic, queueFrames), metrics);
    publisher.accept(
        new CallStarted(CALL, Instant.EPOCH, Set.of(Leg.CUSTOMER, Leg.AGENT), Map.of()));
    publishFrames(publisher, 0, 20);
    await("the first frames", 30_000, () -> count("messages", "type", "frame") == 40);

    log("stopping the broker");
    kafka.stopBroker();
    log("stopped");
    // Feed the producer in steps the queue holds until it stops taking records (it has lost the
    // topic's metadata or filled its 1 MiB buffer): from then on the sender retries one record.
    double timeoutsBefore = count("errors", "kind", "send_timeout");
    int sequence = 20;
    while (count("errors", "kind", "send_timeout") == timeoutsBefore) {
      assertTrue(sequence < framesPerLeg / 2, "the producer took " + sequence + " frames a leg");
      publishFrames(publisher, sequence, sequence + 100);
      sequence += 100;
      await(
          "the sender to hand on the frames or stall",
          10_000,
          () ->
              publisher.queued() == 0 || count("errors", "kind", "send_timeout") > timeoutsBefore);
    }
    log("stalled after " + sequence + " frames a leg");
    publishFrames(publisher, sequence, framesPerLeg);
    publisher.accept(new CallEnded(CALL, Instant.EPOCH, EndReason.HANGUP));
    assertTrue(publisher.queued() > 0, "audio waits in the publisher's queue");
    assertTrue(publisher.queued() <= queueFrames + 1, "bounded: " + publisher.queued());
    log("starting the broker, " + publisher.queued() + " queued");
    kafka.startBroker();
    log("started " + (System.nanoTime() - startNanos) / 1_000_000 + " ms after the first frame");
    return publisher;
  }

  /** The call as read back: start first, end last, each leg's frames in increasing order. */
  static Map<Leg, List<Long>> readBack(String topic, int expectedRecords) {
    List<ConsumerRecord<byte[], byte[]>> records =
        kafka.consume(topic, PARTITIONS, expectedRecords);
    assertEquals(expectedRecords, records.size(), "each message exactly once");
    List<AudioMessage> messages = new ArrayList<>();
    records.forEach(record -> messages.add(AudioMessageCodec.decode(record.value())));
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

  @Test
  void deliversEverythingQueuedDuringABrokerOutageInOrderAndOnce() throws Exception {
    int framesPerLeg = 2_500;
    try (KafkaFramePublisher publisher =
        publishThroughAnOutage("it.audio.outage", 20_000, framesPerLeg)) {
      await(
          "delivery after the outage",
          60_000,
          () ->
              count("messages", "type", "frame") == 2 * framesPerLeg
                  && count("messages", "type", "call_ended") == 1);
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
    int framesPerLeg = 3_000;
    int queueFrames = 500;
    double frames;
    try (KafkaFramePublisher publisher =
        publishThroughAnOutage("it.audio.bounded", queueFrames, framesPerLeg)) {
      await(
          "delivery after the outage", 60_000, () -> count("messages", "type", "call_ended") == 1);
      frames = count("messages", "type", "frame");
    }
    double droppedFrames = count("dropped", "type", "frame", "reason", "queue_full");
    assertTrue(droppedFrames > 0, "the outage outlasted the queue");
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
