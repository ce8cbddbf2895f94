package io.tonewatch.alerting;

import static io.tonewatch.alerting.escalation.Calls.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.events.Action;
import io.tonewatch.events.ActionJson;
import io.tonewatch.events.ActionType;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Notification;
import io.tonewatch.events.NotificationJson;
import io.tonewatch.events.Severity;
import io.tonewatch.events.Topics;
import io.tonewatch.testing.Await;
import io.tonewatch.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service against the in-JVM KRaft broker, with its clock moved by the test: notifications are
 * recorded on their topic, a restarted instance rebuilds its state from the four topics and neither
 * loses an alert nor notifies anyone twice, and bad records are skipped.
 */
class AlertingServiceIT {
  private static final String C1 = "c1:raised_voice:customer:1";
  private static final String C2 = "c2:raised_voice:agent:1";
  private static final String C3 = "c3:raised_voice:customer:1";

  private final AlertingConfig config = AlertingConfig.defaults();
  private final SettableClock clock = new SettableClock(at(5));
  private final List<Notification> heard = new CopyOnWriteArrayList<>();
  private TestKafka kafka;
  private KafkaProducer<byte[], byte[]> producer;
  private AlertingService service;
  private SimpleMeterRegistry registry;

  @BeforeEach
  void startBroker() throws Exception {
    kafka = TestKafka.start();
    kafka.createTopic(Topics.ALERTS, 2);
    kafka.createTopic(Topics.FEATURES, 2);
    kafka.createTopic(Topics.ACTIONS, 2);
    // tonewatch.notifications is left to the service to create (one partition by default).
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(p);
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    producer.close();
    kafka.close();
  }

  private void startService() {
    registry = new SimpleMeterRegistry();
    service = AlertingService.start(config, kafka.bootstrapServers(), clock, registry, heard::add);
    Await.until("the alerting service to rebuild its state", service::ready);
  }

  private void restartService() throws InterruptedException {
    service.close();
    service = null;
    startService();
  }

  private void send(String topic, String callId, byte[] value) throws Exception {
    producer
        .send(new ProducerRecord<>(topic, callId.getBytes(StandardCharsets.UTF_8), value))
        .get();
  }

  private void alert(AlertEvent event) throws Exception {
    send(Topics.ALERTS, event.callId(), AlertEventJson.toBytes(event));
  }

  private void record(Action action) throws Exception {
    send(Topics.ACTIONS, action.callId(), ActionJson.toBytes(action));
  }

  /** Every notification on the topic, once {@code count} are there (and nothing beyond them). */
  private Set<String> notifications(int count) {
    Set<String> ids = new TreeSet<>();
    List<String> all = new ArrayList<>();
    kafka.consume(Topics.NOTIFICATIONS, 1, count).stream()
        .map(r -> NotificationJson.fromJson(new String(r.value(), StandardCharsets.UTF_8)))
        .forEach(n -> all.add(n.notificationId()));
    ids.addAll(all);
    assertEquals(all.size(), ids.size(), "a notification was sent twice: " + all);
    assertEquals(count, all.size(), "notifications: " + all);
    return ids;
  }

  private static String id(String alertId, String step, int attempt) {
    return alertId + ":" + step + ":" + attempt;
  }

  @Test
  void aRestartedServiceLosesNoAlertAndNotifiesNobodyTwice() throws Exception {
    startService();
    alert(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 5));
    alert(event("c2", AlertKind.RAISED_VOICE, Leg.AGENT, 1, AlertState.OPENED, Severity.RAISED, 5));
    send(Topics.ALERTS, "c9", "{not an alert".getBytes(StandardCharsets.UTF_8));
    assertEquals(Set.of(id(C1, "agent_cue", 1), id(C2, "agent_voice_raised", 1)), notifications(2));
    Await.until(
        "the corrupt record to be counted",
        () ->
            registry.counter("tonewatch.alerting.records.skipped", "topic", Topics.ALERTS).count()
                == 1);

    // Killed mid-call; while it is down the customer shouts, the agent alert is acknowledged
    // and a new call escalates.
    service.close();
    service = null;
    alert(customer("c1", 1, AlertState.UPDATED, Severity.SHOUTING, 8));
    record(action("c2", C2, ActionType.ACKNOWLEDGE, "sam", 6));
    alert(customer("c3", 1, AlertState.OPENED, Severity.RAISED, 9));
    clock.set(at(10));
    startService();
    Set<String> afterRestart = notifications(5);
    assertEquals(
        Set.of(
            id(C1, "agent_cue", 1),
            id(C2, "agent_voice_raised", 1),
            id(C1, "second_warning", 1),
            id(C1, "whisper_suggested", 1),
            id(C3, "agent_cue", 1)),
        afterRestart);

    // 30 s on: the unacknowledged supervisor step is sent again, numbered on from before the
    // restart; the acknowledged one is not; c3 has been raised long enough for the next step.
    clock.set(at(40));
    Set<String> later = notifications(8);
    assertEquals(
        Set.of(
            id(C1, "whisper_suggested", 2),
            id(C3, "second_warning", 1),
            id(C3, "whisper_suggested", 1)),
        minus(later, afterRestart));
  }

  @Test
  void alertsOfASilentCallAreResolvedOnceAcrossRestarts() throws Exception {
    startService();
    alert(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 5));
    notifications(1);
    clock.set(at(65));
    List<Action> resolved = resolutions(1);
    assertEquals(ActionType.RESOLVE, resolved.get(0).type());
    assertEquals("call ended", resolved.get(0).detail());

    clock.set(at(66));
    restartService();
    // A new call's cue shows that the restarted service has evaluated every call it rebuilt.
    alert(customer("c4", 1, AlertState.OPENED, Severity.RAISED, 66));
    Await.until("the new call's cue", () -> heard.stream().anyMatch(n -> n.callId().equals("c4")));
    assertEquals(1, resolutions(1).size());
    notifications(2);
  }

  private List<Action> resolutions(int count) {
    return kafka.consume(Topics.ACTIONS, 2, count).stream()
        .map(r -> ActionJson.fromJson(new String(r.value(), StandardCharsets.UTF_8)))
        .toList();
  }

  private static Set<String> minus(Set<String> all, Set<String> before) {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(before);
    return rest;
  }
}
