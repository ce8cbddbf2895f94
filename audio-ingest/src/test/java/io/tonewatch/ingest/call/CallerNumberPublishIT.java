package io.tonewatch.ingest.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioMessageCodec;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.events.callers.CallerNumbers;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.publish.KafkaFramePublisher;
import io.tonewatch.ingest.publish.PublisherSettings;
import io.tonewatch.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call registered with the caller's number, through the registry and the real Kafka publisher to
 * the in-process broker: the record carries the keyed hash and the mask, never the number; without
 * a key the number is dropped.
 */
class CallerNumberPublishIT {
  private static final String NUMBER = "+49 30 1234-5678";
  private static final String DIGITS = "4930";
  private static TestKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  private static CallStarted publishOneCall(String topic, CallerNumbers callers) throws Exception {
    kafka.createTopic(topic, 1);
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    PublisherSettings d = PublisherSettings.defaults(kafka.bootstrapServers());
    PublisherSettings settings =
        new PublisherSettings(
            d.bootstrapServers(),
            topic,
            "caller-it",
            1_000,
            d.controlQueueMessages(),
            d.lingerMillis(),
            d.compression(),
            d.bufferMemoryBytes(),
            d.maxBlockMillis(),
            d.deliveryTimeoutMillis(),
            d.closeTimeoutMillis(),
            d.batchFrames(),
            d.batchMillis());
    try (KafkaFramePublisher publisher = KafkaFramePublisher.start(settings, metrics)) {
      CallRegistry registry =
          new CallRegistry(
              publisher,
              metrics,
              10,
              Duration.ofSeconds(10),
              Clock.systemUTC(),
              System::nanoTime,
              callers);
      registry.open("call-1", Set.of(Leg.CUSTOMER), Map.of("caller", NUMBER, "queue", "billing"));
      registry.close("call-1", EndReason.HANGUP);
    }
    List<ConsumerRecord<byte[], byte[]>> records = kafka.consume(topic, 1, 1);
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String bytes = new String(record.value(), StandardCharsets.ISO_8859_1);
      assertFalse(bytes.contains(NUMBER) || bytes.contains("12345678"), "the number was published");
      assertFalse(bytes.contains(DIGITS + "12345678"));
    }
    return assertInstanceOf(
        CallStarted.class, AudioMessageCodec.decodeFrames(records.get(0).value()).get(0));
  }

  @Test
  void theCallerIsPublishedAsItsKeyedHashAndMask() throws Exception {
    CallerNumbers callers = CallerNumbers.withSecret("ingest-secret");

    CallStarted started = publishOneCall("it.callers.hashed", callers);

    assertEquals(
        Map.of(
            "callerHash", callers.hash(NUMBER).orElseThrow(),
            "callerMasked", "******5678",
            "queue", "billing"),
        started.metadata());
  }

  @Test
  void withoutAKeyTheNumberIsDropped() throws Exception {
    CallStarted started = publishOneCall("it.callers.dropped", CallerNumbers.withSecret(""));

    assertEquals(Map.of("callerMasked", "******5678", "queue", "billing"), started.metadata());
  }
}
