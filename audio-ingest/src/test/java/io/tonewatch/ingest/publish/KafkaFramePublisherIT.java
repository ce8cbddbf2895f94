package io.tonewatch.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publisher against a real in-process KRaft broker, read back by a real consumer. */
class KafkaFramePublisherIT {
  static final int PARTITIONS = 6;
  static final int FRAMES_PER_LEG = 150;
  static TestKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  static short[] samples(String callId, Leg leg, long sequence) {
    Random random = new Random(callId.hashCode() * 31L + leg.ordinal() * 7919L + sequence);
    short[] samples = new short[AudioFrame.SAMPLES];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) random.nextInt();
    }
    return samples;
  }

  static PublisherSettings settings(String topic) {
    PublisherSettings d = PublisherSettings.defaults(kafka.bootstrapServers());
    return new PublisherSettings(
        d.bootstrapServers(),
        topic,
        "publisher-it",
        10_000,
        100,
        5,
        "lz4",
        d.bufferMemoryBytes(),
        1_000,
        60_000,
        10_000,
        PublisherSettings.DEFAULT_BATCH_FRAMES,
        PublisherSettings.DEFAULT_BATCH_MILLIS);
  }

  static int messages(List<ConsumerRecord<byte[], byte[]>> records) {
    int messages = 0;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      messages += AudioMessageCodec.decodeFrames(record.value()).size();
    }
    return messages;
  }

  @Test
  void deliversEachCallInOrderOnOnePartitionWithItsKeyAndAudio() throws Exception {
    String topic = "it.audio.order";
    kafka.createTopic(topic, PARTITIONS);
    List<String> calls = List.of("call-a", "call-b", "call-c", "call-d");
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    try (KafkaFramePublisher publisher = KafkaFramePublisher.start(settings(topic), metrics)) {
      Instant startedAt = Instant.parse("2025-06-01T10:00:00.123456789Z");
      for (String call : calls) {
        publisher.accept(
            new CallStarted(
                call, startedAt, Set.of(Leg.CUSTOMER, Leg.AGENT), Map.of("queue", "q1")));
      }
      for (int sequence = 0; sequence < FRAMES_PER_LEG; sequence++) {
        for (String call : calls) {
          for (Leg leg : Leg.values()) {
            publisher.accept(
                new AudioFrame(
                    call,
                    leg,
                    sequence,
                    sequence * 20L,
                    sequence % 10 == 3,
                    samples(call, leg, sequence)));
          }
        }
      }
      for (String call : calls) {
        publisher.accept(new CallEnded(call, startedAt.plusSeconds(3), EndReason.HANGUP));
      }
    }
    int expected = calls.size() * (2 + 2 * FRAMES_PER_LEG);
    List<ConsumerRecord<byte[], byte[]>> records =
        kafka.consume(
            topic, PARTITIONS, expected + " messages", read -> messages(read) >= expected);
    assertEquals(expected, messages(records), "no duplicates, nothing missing");
    assertTrue(records.size() < expected, "frames of a leg travel together");

    Map<String, List<AudioMessage>> byCall = new HashMap<>();
    Map<String, Set<Integer>> partitionsByCall = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      List<AudioMessage> decoded = AudioMessageCodec.decodeFrames(record.value());
      AudioMessage message = decoded.get(0);
      assertEquals(message.callId(), new String(record.key(), StandardCharsets.UTF_8));
      byCall.computeIfAbsent(message.callId(), c -> new ArrayList<>()).addAll(decoded);
      partitionsByCall
          .computeIfAbsent(message.callId(), c -> new HashSet<>())
          .add(record.partition());
    }
    assertEquals(Set.copyOf(calls), byCall.keySet());
    for (String call : calls) {
      assertEquals(1, partitionsByCall.get(call).size(), call + " spans partitions");
      List<AudioMessage> messages = byCall.get(call);
      CallStarted started = assertInstanceOf(CallStarted.class, messages.get(0));
      assertEquals(Map.of("queue", "q1"), started.metadata());
      assertEquals(Instant.parse("2025-06-01T10:00:00.123456789Z"), started.startedAt());
      assertInstanceOf(CallEnded.class, messages.get(messages.size() - 1));
      Map<Leg, Long> nextSequence = new EnumMap<>(Map.of(Leg.CUSTOMER, 0L, Leg.AGENT, 0L));
      for (AudioMessage message : messages.subList(1, messages.size() - 1)) {
        AudioFrame frame = assertInstanceOf(AudioFrame.class, message);
        long sequence = nextSequence.get(frame.leg());
        assertEquals(sequence, frame.sequence(), call + " " + frame.leg() + " out of order");
        assertEquals(sequence % 10 == 3, frame.concealed());
        assertArrayEquals(samples(call, frame.leg(), sequence), frame.samples());
        nextSequence.put(frame.leg(), sequence + 1);
      }
      assertEquals(FRAMES_PER_LEG, nextSequence.get(Leg.AGENT));
      assertEquals(FRAMES_PER_LEG, nextSequence.get(Leg.CUSTOMER));
    }
    assertTrue(partitionsByCall.values().stream().distinct().count() > 1, "calls spread out");
  }
}
