package io.tonewatch.alerting.repeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.alerting.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatCallersTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final String C = "c".repeat(64);

  private final SettableClock clock = new SettableClock(T0);
  private final RepeatCallers index =
      new RepeatCallers(Duration.ofDays(7), Duration.ofDays(30), 2, clock);

  @Test
  void aCallerWhoEscalatedWithinTheWindowGetsAHintInWords() {
    index.record(new Escalation(A, "call-1", T0, "mutual escalation"));
    clock.set(T0.plus(Duration.ofDays(2)).plusSeconds(60));

    assertEquals("escalated 2 days ago (mutual escalation)", index.lookup(A).orElseThrow().text());
    assertTrue(index.lookup(B).isEmpty());
  }

  @Test
  void pastTheWindowNoHintAndPastRetentionPurged() {
    index.record(new Escalation(A, "call-1", T0, "shouting"));
    clock.set(T0.plus(Duration.ofDays(8)));
    assertTrue(index.lookup(A).isEmpty());
    assertEquals(0, index.purge());

    clock.set(T0.plus(Duration.ofDays(31)));
    assertEquals(1, index.purge());
    assertEquals(0, index.size());
  }

  @Test
  void theIndexIsBoundedAndForgetsTheOldestEscalationFirst() {
    index.record(new Escalation(A, "call-1", T0, ""));
    index.record(new Escalation(B, "call-2", T0.plusSeconds(1), ""));
    index.record(new Escalation(C, "call-3", T0.plusSeconds(2), ""));

    assertEquals(2, index.size());
    assertTrue(index.lookup(A).isEmpty());
    assertTrue(index.lookup(C).isPresent());
  }

  @Test
  void anOlderEscalationReadLaterDoesNotReplaceANewerOne() {
    index.record(new Escalation(A, "call-2", T0.plusSeconds(60), "shouting"));
    index.record(new Escalation(A, "call-1", T0, "raised voice"));

    assertEquals("shouting", index.lookup(A).orElseThrow().summary());
  }
}
