package io.tonewatch.processor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import io.tonewatch.processor.service.consume.Tenures;
import io.tonewatch.testing.Await;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Crashes, moves and outages with the real broker: after de-duplication by alert id and state,
 * every call's alerts must equal those of an uninterrupted run (the engine's offline events).
 */
class ProcessFaultIT extends KafkaIT {
  /** Where the first alert is decided must lie before {@code split}, so it is mid-call. */
  private static int splitAfterFirstAlert(CallFeed call) {
    long firstMs = call.offline().get(0).mediaTimeMs();
    int split = (int) (call.messages.size() * 0.8);
    assertTrue(
        firstMs < call.mediaTimeMsBefore(split), "the first alert must come before the split");
    return split;
  }

  private static void assertUninterrupted(AlertTap alerts, CallFeed call) {
    List<AlertEvent> expected = call.offline();
    Await.until(call.callId + "'s last alert", () -> alerts.sawLast(expected));
    assertEquals(expected, AlertTap.deduplicated(alerts.events(call.callId)), call.callId);
  }

  @Test
  void aKilledInstanceIsReplacedWithoutLosingOrChangingAnAlert() throws Exception {
    ServiceFixture fixture = new ServiceFixture(kafka, "kill", 1);
    Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
    CallFeed done = new CallFeed("call-kill-done", CALL, t0);
    CallFeed open = new CallFeed("call-kill-open", CALL, t0.plusSeconds(60));
    int split = splitAfterFirstAlert(open);
    Process child = null;
    try (KafkaProducer<byte[], byte[]> producer = fixture.producer();
        AlertTap alerts = fixture.alerts();
        Admin admin = admin()) {
      done.send(producer, fixture.audioTopic, 0, done.messages.size());
      long openStart = done.messages.size();
      open.send(producer, fixture.audioTopic, 0, split);
      child = startChild(fixture);
      Await.until("the finished call's last alert", () -> alerts.sawLast(done.offline()));
      Await.until("an alert of the open call", () -> !alerts.events(open.callId).isEmpty());
      TopicPartition tp = new TopicPartition(fixture.audioTopic, 0);
      Await.until(
          "a commit past the finished call",
          () -> committed(admin, fixture.groupId, tp) == openStart);

      child.destroyForcibly().waitFor();
      open.send(producer, fixture.audioTopic, split, open.messages.size());
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (ProcessService replacement = fixture.start(registry)) {
        assertUninterrupted(alerts, open);
        assertUninterrupted(alerts, done);
        assertEquals(1.0, registry.get("tonewatch.process.calls.replayed").counter().count());
      }
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void theCallsOfAStoppedInstanceContinueOnTheOther() throws Exception {
    int partitions = 4;
    ServiceFixture fixture = new ServiceFixture(kafka, "move", partitions);
    List<CallFeed> calls = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      calls.add(new CallFeed(callIdOnPartition("call-move", p, partitions), CALL, Instant.EPOCH));
    }
    int split = splitAfterFirstAlert(calls.get(0));
    SimpleMeterRegistry stays = new SimpleMeterRegistry();
    try (KafkaProducer<byte[], byte[]> producer = fixture.producer();
        AlertTap alerts = fixture.alerts();
        ProcessService survivor = fixture.start(stays)) {
      ProcessService leaving = fixture.start(new SimpleMeterRegistry());
      try {
        Await.until("both instances in the group", () -> leaving.health().ready());
        Await.until("both instances in the group", () -> survivor.health().ready());
        for (CallFeed call : calls) {
          call.send(producer, fixture.audioTopic, 0, split);
        }
        for (CallFeed call : calls) {
          Await.until("an alert of " + call.callId, () -> !alerts.events(call.callId).isEmpty());
        }
      } finally {
        leaving.close();
      }
      for (CallFeed call : calls) {
        call.send(producer, fixture.audioTopic, split, call.messages.size());
      }
      for (CallFeed call : calls) {
        assertUninterrupted(alerts, call);
      }
      double replayed = stays.get("tonewatch.process.calls.replayed").counter().count();
      assertTrue(replayed >= 1, "the survivor replays the calls it took over: " + replayed);
      assertOneOwnerAtATime(leaving.tenures().all(), survivor.tenures().all(), partitions);
    }
  }

  /** No partition (so no call) was held by both instances at any moment; each was handed over. */
  private static void assertOneOwnerAtATime(
      List<Tenures.Tenure> left, List<Tenures.Tenure> stayed, int partitions) {
    assertTrue(
        left.stream().allMatch(t -> t.untilNanos() != Long.MAX_VALUE),
        "the stopped instance let every partition go: " + left);
    for (Tenures.Tenure a : left) {
      for (Tenures.Tenure b : stayed) {
        if (a.partition().equals(b.partition())) {
          assertTrue(
              a.untilNanos() <= b.fromNanos() || b.untilNanos() <= a.fromNanos(),
              a.partition() + " held by both: " + a + " and " + b);
        }
      }
    }
    long held = stayed.stream().filter(t -> t.untilNanos() == Long.MAX_VALUE).count();
    assertEquals(partitions, held, "the survivor holds every partition after the move");
    assertFalse(left.isEmpty(), "the stopped instance held partitions before the move");
  }

  @Test
  void aBrokerOutageOf20SecondsDelaysAlertsButLosesNone() throws Exception {
    ServiceFixture fixture = new ServiceFixture(kafka, "outage", 1);
    CallFeed call = new CallFeed("call-outage", CALL, Instant.parse("2026-03-02T11:00:00Z"));
    int split = splitAfterFirstAlert(call);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KafkaProducer<byte[], byte[]> producer = fixture.producer();
        AlertTap alerts = fixture.alerts();
        ProcessService service = fixture.start(registry)) {
      call.send(producer, fixture.audioTopic, 0, split);
      Await.until("an alert before the outage", () -> !alerts.events(call.callId).isEmpty());

      long outageStart = System.nanoTime();
      kafka.stopBroker();
      Await.until("/health to say it waits for Kafka", () -> !service.health().ready());
      assertTrue(
          service.health().status().startsWith("waiting for Kafka"), service.health().status());
      assertEquals(0.0, registry.get("tonewatch.process.kafka.reachable").gauge().value());
      long leftMillis = 20_000 - Duration.ofNanos(System.nanoTime() - outageStart).toMillis();
      Thread.sleep(Math.max(0, leftMillis)); // the outage itself: the scenario, not a wait
      kafka.startBroker();

      call.send(producer, fixture.audioTopic, split, call.messages.size());
      assertUninterrupted(alerts, call);
      Await.until("/health ready again", () -> service.health().ready());
      assertEquals(0.0, registry.get("tonewatch.process.calls.live").gauge().value());
    }
  }

  /**
   * Memory during an outage, from the service's own gauges. Alerts and summaries first wait for a
   * second in-sync replica that the one-broker cluster lacks (the broker answers, refusing them
   * with a retriable error), so the bound of unacknowledged records is reached while audio is still
   * readable; then the broker is stopped for 20 s. Throughout, records out stay at their bound and
   * the engine queue at its own, and the consumer stops reading. Once the outputs are allowed one
   * replica again, every alert arrives.
   */
  @Test
  void atItsBoundsDuringAnOutageTheServiceStopsReadingAndLosesNothing() throws Exception {
    ServiceFixture fixture = new ServiceFixture(kafka, "bounded", 1);
    CallFeed call = new CallFeed("call-bounded", CALL, Instant.parse("2026-03-02T12:00:00Z"));
    Map<String, String> settings = fixture.settings();
    settings.put("process.max-unacknowledged-records", "3");
    settings.put("process.worker-queue-records", "16");
    settings.put("process.workers", "1");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Admin admin = admin();
        KafkaProducer<byte[], byte[]> producer = fixture.producer();
        AlertTap alerts = fixture.alerts()) {
      minInSyncReplicas(admin, fixture, "2");
      try (ProcessService service =
          ProcessService.start(
              ProcessConfigLoader.fromMap(settings), kafka.bootstrapServers(), registry)) {
        call.send(producer, fixture.audioTopic, 0, call.messages.size());
        Await.until(
            "records out and the engine queue at their bounds",
            () ->
                gauge(registry, "publish.unacknowledged") == 3
                    && gauge(registry, "worker.queued") == 16);
        long outageStart = System.nanoTime();
        kafka.stopBroker();
        Await.until("/health to say it waits for Kafka", () -> !service.health().ready());
        while (Duration.ofNanos(System.nanoTime() - outageStart).toSeconds() < 20) {
          assertEquals(3, gauge(registry, "publish.unacknowledged"), "records out, at the bound");
          assertTrue(gauge(registry, "worker.queued") <= 16, "engine queue within its bound");
          Thread.sleep(500); // sampling the gauges through the outage, not waiting for them
        }
        // Unpaused, the engine would have finished the call long before the outage ended.
        assertTrue(frames(registry) < 2.0 * CALL.frames(), "the consumer stopped mid-call");
        kafka.startBroker();
        minInSyncReplicas(admin, fixture, "1");
        assertUninterrupted(alerts, call);
        Await.until(
            "everything acknowledged", () -> gauge(registry, "publish.unacknowledged") == 0);
      }
    }
  }

  private static double gauge(SimpleMeterRegistry registry, String name) {
    return registry.get("tonewatch.process." + name).gauge().value();
  }

  private static double frames(SimpleMeterRegistry registry) {
    return registry.get("tonewatch.process.frames").counter().count();
  }

  /** Sets min.insync.replicas of the fixture's alerts and features topics. */
  private static void minInSyncReplicas(Admin admin, ServiceFixture fixture, String replicas)
      throws Exception {
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
    for (String topic : List.of(fixture.alertsTopic, fixture.featuresTopic)) {
      ops.put(
          new ConfigResource(ConfigResource.Type.TOPIC, topic),
          List.of(
              new AlterConfigOp(
                  new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas),
                  AlterConfigOp.OpType.SET)));
    }
    admin.incrementalAlterConfigs(ops).all().get();
  }

  private static Process startChild(ServiceFixture fixture) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ProcessChild.class.getName());
    command.add(kafka.bootstrapServers());
    for (Map.Entry<String, String> e : fixture.settings().entrySet()) {
      command.add(e.getKey() + "=" + e.getValue());
    }
    File log = new File("target", "process-child-" + fixture.groupId + ".log");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private static Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return Admin.create(p);
  }

  /** The group's committed offset on {@code tp}, or -1 when none (or the broker did not say). */
  private static long committed(Admin admin, String groupId, TopicPartition tp) {
    try {
      OffsetAndMetadata offset =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().get(tp);
      return offset == null ? -1 : offset.offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /** A call id that Kafka's default partitioner puts on {@code partition}. */
  private static String callIdOnPartition(String prefix, int partition, int partitions) {
    for (int i = 0; ; i++) {
      String id = prefix + "-" + i;
      byte[] key = id.getBytes(StandardCharsets.UTF_8);
      if (Utils.toPositive(Utils.murmur2(key)) % partitions == partition) {
        return id;
      }
    }
  }

  @Test
  void theCallIdsOfTheMoveTestCoverEveryPartition() {
    List<String> ids = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      ids.add(callIdOnPartition("call-move", p, 4));
    }
    assertEquals(4, ids.stream().distinct().count());
    assertFalse(ids.contains(null));
  }
}
