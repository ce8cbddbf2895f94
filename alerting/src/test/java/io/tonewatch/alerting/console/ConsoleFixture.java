package io.tonewatch.alerting.console;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.alerting.AlertingService;
import io.tonewatch.alerting.actions.CallPlatform;
import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.config.AlertingConfigLoader;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.CallRecordJson;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.Leg;
import io.tonewatch.events.LegSummary;
import io.tonewatch.events.LegSummaryJson;
import io.tonewatch.events.Severity;
import io.tonewatch.events.Topics;
import io.tonewatch.testing.Await;
import io.tonewatch.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The alerting service and its console on the in-JVM broker, with users sam (supervisor of team
 * north), bo (supervisor of team south) and ann (agent a-1 of north), each with password
 * "pw-&lt;name&gt;"; and a producer to feed the topics as the stream processor would.
 */
final class ConsoleFixture implements AutoCloseable {
  static final Evidence EVIDENCE = new Evidence(9.2, 4.0, 3.5, 2.5, 1.5, 1.8, 0);

  final TestKafka kafka;
  final KafkaProducer<byte[], byte[]> producer;
  final AlertingService service;
  final ConsoleServer console;

  ConsoleFixture(Path dir, CallPlatform platform) throws Exception {
    this(dir, platform, Map.of(), k -> {}, hash -> Optional.empty(), null);
  }

  /**
   * As above, with more settings, repeat-caller notes by caller hash and the routing-hint endpoint
   * (its token {@code t0ken}) answered by {@code hintForNumber}; {@code brokerReady} runs once the
   * broker is up, before the service starts.
   */
  ConsoleFixture(
      Path dir,
      CallPlatform platform,
      Map<String, String> settings,
      Consumer<TestKafka> brokerReady,
      Function<String, Optional<String>> repeatNotes,
      Function<String, Optional<String>> hintForNumber)
      throws Exception {
    kafka = TestKafka.start();
    brokerReady.accept(kafka);
    Path users = dir.resolve("users.txt");
    Files.writeString(
        users,
        "# test users\n"
            + line("sam", "supervisor", "north", "")
            + line("bo", "supervisor", "south", "")
            + line("ann", "agent", "north", "a-1"));
    Map<String, String> all = new HashMap<>(settings);
    all.put("alerting.console.users-file", users.toString());
    all.put("alerting.console.sign-in-failures", "3");
    all.put("alerting.console.routing-token", "t0ken");
    all.put("alerting.http-port", "0");
    AlertingConfig config = AlertingConfigLoader.load(null, Map.of(), all);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(p);
    service =
        AlertingService.start(
            config,
            kafka.bootstrapServers(),
            Map.of(),
            Clock.systemUTC(),
            new SimpleMeterRegistry(),
            n -> {},
            platform,
            repeatNotes);
    Await.until("the alerting service to rebuild its state", service::ready);
    console =
        ConsoleServer.start(
            config.console(), service.view(), "127.0.0.1", 0, Clock.systemUTC(), hintForNumber);
  }

  private static String line(String name, String role, String team, String agentId) {
    String hash = PasswordHash.hash(("pw-" + name).toCharArray(), 4);
    return name + ":" + role + ":" + team + ":" + agentId + ":" + hash + "\n";
  }

  String base() {
    return "http://127.0.0.1:" + console.port();
  }

  void send(String topic, String callId, byte[] value) throws Exception {
    producer
        .send(new ProducerRecord<>(topic, callId.getBytes(StandardCharsets.UTF_8), value))
        .get();
  }

  void call(String callId, Map<String, String> metadata) throws Exception {
    send(
        Topics.CALLS,
        callId,
        CallRecordJson.toBytes(CallRecord.started(callId, Instant.now(), metadata)));
  }

  void summary(String callId, Leg leg, double score, boolean raised) throws Exception {
    LegSummary s =
        new LegSummary(
            LegSummary.SCHEMA,
            callId,
            leg,
            1000,
            Instant.now(),
            50,
            raised ? -12 : -30,
            180,
            -8,
            score,
            0.8,
            0,
            raised,
            "test/1");
    send(Topics.FEATURES, callId, LegSummaryJson.toBytes(s));
  }

  String alert(String callId, Severity severity) throws Exception {
    String alertId = callId + ":raised_voice:customer:1";
    AlertEvent event =
        AlertEvent.of(
            alertId,
            callId,
            Leg.CUSTOMER,
            AlertKind.RAISED_VOICE,
            AlertState.OPENED,
            severity,
            1000,
            Instant.now(),
            EVIDENCE,
            "test/1");
    send(Topics.ALERTS, callId, AlertEventJson.toBytes(event));
    return alertId;
  }

  @Override
  public void close() throws Exception {
    console.close();
    service.close();
    producer.close();
    kafka.close();
  }
}
