package io.tonewatch.processor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.Leg;
import io.tonewatch.events.LegSummary;
import io.tonewatch.events.LegSummaryJson;
import io.tonewatch.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The service against a real in-JVM KRaft cluster: live frames in, the engine's alerts out. */
class ProcessServiceIT extends KafkaIT {
  @Test
  void theAlertsOfALiveCallEqualTheEnginesOfflineEvents() throws Exception {
    assertLiveEqualsOffline("live", 3);
  }

  @Test
  void recordsOfOneFrameEachGiveTheSameAlerts() throws Exception {
    assertLiveEqualsOffline("single", 1);
  }

  private static void assertLiveEqualsOffline(String name, int framesPerRecord) throws Exception {
    ServiceFixture fixture = new ServiceFixture(kafka, name, 3);
    CallFeed call =
        new CallFeed("call-" + name, CALL, Instant.parse("2026-03-01T09:00:00Z"), framesPerRecord);
    List<AlertEvent> expected = call.offline();
    assertFalse(expected.isEmpty(), "the fixture call must raise alerts offline");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ProcessService service = fixture.start(registry);
        KafkaProducer<byte[], byte[]> producer = fixture.producer();
        AlertTap alerts = fixture.alerts()) {
      call.send(producer, fixture.audioTopic, 0, call.messages.size());
      Await.until("the call's last alert", () -> alerts.sawLast(expected));
      assertEquals(expected, alerts.events(call.callId));
      Await.until(
          "no live call left",
          () -> registry.get("tonewatch.process.calls.live").gauge().value() == 0);
      assertEquals(2.0 * CALL.frames(), registry.get("tonewatch.process.frames").counter().count());
    }
  }

  @Test
  void eachLegGetsASummaryPerSecondOfMedia() throws Exception {
    ServiceFixture fixture = new ServiceFixture(kafka, "summary", 1);
    CallFeed call = new CallFeed("call-summary-1", CALL, Instant.parse("2026-03-01T10:00:00Z"));
    int perLeg = (CALL.frames() + 49) / 50;
    try (ProcessService service = fixture.start(new SimpleMeterRegistry());
        KafkaProducer<byte[], byte[]> producer = fixture.producer();
        AlertTap features = fixture.features()) {
      call.send(producer, fixture.audioTopic, 0, call.messages.size());
      Await.until("every summary", () -> features.records().size() >= 2 * perLeg);
      List<LegSummary> summaries =
          features.records().stream()
              .map(r -> LegSummaryJson.fromJson(new String(r.value(), StandardCharsets.UTF_8)))
              .toList();
      assertEquals(2 * perLeg, summaries.size());
      List<LegSummary> customer = summaries.stream().filter(s -> s.leg() == Leg.CUSTOMER).toList();
      assertEquals(perLeg, customer.size());
      assertEquals(1000, customer.get(0).mediaTimeMs());
      assertEquals(50, customer.get(0).frames());
      assertEquals(CALL.frames() * 20L, customer.get(perLeg - 1).mediaTimeMs());
      assertTrue(customer.stream().anyMatch(LegSummary::raised), "the angry turns are raised");
      assertTrue(customer.stream().anyMatch(s -> s.f0Hz() > 0), "speech is voiced");
      assertTrue(customer.stream().anyMatch(s -> !s.raised()), "the calm turns are not");
    }
  }

  @Test
  void aCorruptRecordIsCountedAndSkippedAndTheCallsAreUnharmed() throws Exception {
    ServiceFixture fixture = new ServiceFixture(kafka, "corrupt", 2);
    CallFeed first = new CallFeed("call-corrupt-1", CALL, Instant.parse("2026-03-01T11:00:00Z"));
    CallFeed second = new CallFeed("call-corrupt-2", CALL, Instant.parse("2026-03-01T11:00:00Z"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ProcessService service = fixture.start(registry);
        KafkaProducer<byte[], byte[]> producer = fixture.producer();
        AlertTap alerts = fixture.alerts()) {
      int half = first.messages.size() / 2;
      first.send(producer, fixture.audioTopic, 0, half);
      second.send(producer, fixture.audioTopic, 0, half);
      byte[] garbage = "TW\u0001\u0001 not a frame".getBytes(StandardCharsets.UTF_8);
      for (String key : List.of(first.callId, second.callId)) {
        producer.send(
            new ProducerRecord<>(
                fixture.audioTopic, key.getBytes(StandardCharsets.UTF_8), garbage));
      }
      producer.send(new ProducerRecord<>(fixture.audioTopic, null, new byte[0]));
      first.send(producer, fixture.audioTopic, half, first.messages.size());
      second.send(producer, fixture.audioTopic, half, second.messages.size());

      for (CallFeed call : List.of(first, second)) {
        List<AlertEvent> expected = call.offline();
        Await.until(call.callId + "'s last alert", () -> alerts.sawLast(expected));
        assertEquals(expected, alerts.events(call.callId), call.callId);
      }
      assertEquals(
          3.0,
          registry
              .get("tonewatch.process.records.skipped")
              .tag("reason", "corrupt")
              .counter()
              .count());
      assertTrue(service.health().ready(), service.health().status());
    }
  }
}
