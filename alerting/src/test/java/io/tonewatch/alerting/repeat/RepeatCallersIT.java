package io.tonewatch.alerting.repeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.alerting.SettableClock;
import io.tonewatch.events.callers.CallerNumbers;
import io.tonewatch.testing.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repeat-caller path against the in-process broker: a call escalates, the same caller (spelled
 * another way) calls again and the routing hint says so, also after a restart rebuilt the index
 * from the topic; another number gets nothing; no raw number is in any record or log line.
 */
class RepeatCallersIT {
  private static final String CALLER = "+44 20 7946 0958";
  private static final String SAME_CALLER = "+442079460958";
  private static final String OTHER = "+44 20 7946 0000";
  private static final String TOPIC = "tonewatch.callers";
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final CallerNumbers callers = CallerNumbers.withSecret("deployment-key");
  private final SettableClock clock = new SettableClock(T0);
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private TestKafka kafka;

  @BeforeEach
  void start() throws Exception {
    originalErr = System.err;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    kafka = TestKafka.start();
  }

  @AfterEach
  void stop() throws Exception {
    kafka.close();
    System.setErr(originalErr);
  }

  private RepeatCallers index() {
    return new RepeatCallers(Duration.ofDays(7), Duration.ofDays(30), 1000, clock);
  }

  @Test
  void theSameCallerIsFlaggedAfterEscalatingAndAnotherIsNot() throws Exception {
    RepeatCallers first = index();
    try (KafkaCallerLog log =
        KafkaCallerLog.open(kafka.bootstrapServers(), TOPIC, first, Duration.ofDays(30))) {
      log.record(
          new Escalation(callers.hash(CALLER).orElseThrow(), "call-1", T0, "mutual escalation"));
    }
    clock.set(T0.plus(Duration.ofDays(2)).plusSeconds(300));

    RoutingHints hints = new RoutingHints(callers, first);
    assertEquals(
        "escalated 2 days ago (mutual escalation)",
        hints.forNumber(SAME_CALLER).orElseThrow().text());
    assertTrue(hints.forNumber(OTHER).isEmpty());

    RepeatCallers rebuilt = index();
    try (KafkaCallerLog log =
        KafkaCallerLog.open(kafka.bootstrapServers(), TOPIC, rebuilt, Duration.ofDays(30))) {
      RoutingHints afterRestart = new RoutingHints(callers, rebuilt);
      assertTrue(afterRestart.forNumber(CALLER).isPresent(), "the index survives a restart");
      assertTrue(afterRestart.forNumber(OTHER).isEmpty());
    }

    List<ConsumerRecord<byte[], byte[]>> records = kafka.consume(TOPIC, 1, 1);
    for (ConsumerRecord<byte[], byte[]> record : records) {
      assertNoNumber(new String(record.key(), StandardCharsets.UTF_8));
      assertNoNumber(new String(record.value(), StandardCharsets.UTF_8));
    }
    System.err.flush();
    String logged = logs.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("escalations read"), "the logs were captured");
    assertNoNumber(logged);
  }

  private static void assertNoNumber(String text) {
    for (String number : List.of(CALLER, SAME_CALLER, OTHER, "2079460958", "79460958")) {
      assertFalse(text.contains(number), "a raw number in: " + text);
    }
  }
}
