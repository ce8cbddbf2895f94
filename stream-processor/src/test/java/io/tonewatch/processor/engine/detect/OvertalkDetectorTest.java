package io.tonewatch.processor.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Severity;
import io.tonewatch.processor.engine.WallClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Overtalk decided from per-frame voice activity of the two legs, one 20 ms call frame a step. */
class OvertalkDetectorTest {
  private final List<AlertEvent> events = new ArrayList<>();
  private final OvertalkDetector detector =
      new OvertalkDetector(
          new EpisodeEmitter(
              "call-1",
              AlertKind.OVERTALK,
              null,
              "test",
              WallClock.anchoredAt(Instant.EPOCH),
              events::add));
  private long frame;

  @Test
  void opensOnceBothLegsHaveSpokenTogetherForTheOpeningShareOfTheWindow() {
    feed(true, true, OvertalkDetector.OPEN_FRAMES - 1);
    assertTrue(events.isEmpty(), "opened too early");
    feed(true, true, 1);
    assertEquals(1, events.size());
    AlertEvent opened = events.get(0);
    assertEquals(AlertState.OPENED, opened.state());
    assertEquals(AlertKind.OVERTALK, opened.kind());
    assertNull(opened.leg());
    assertEquals(Severity.ELEVATED, opened.severity());
    assertEquals(OvertalkDetector.OPEN_FRAMES * 20L, opened.mediaTimeMs());
    assertEquals(OvertalkDetector.OPEN_FRAMES * 0.02, opened.evidence().overlapSeconds(), 1e-9);
  }

  @Test
  void opensForFiveSecondsOfTalkingAtOnceAndClosesWhenTheOverlapDrainsAway() {
    feed(true, false, 100);
    feed(true, true, 250);
    feed(false, true, 150);
    assertEquals(2, events.size(), "" + events);
    assertEquals(AlertState.OPENED, events.get(0).state());
    AlertEvent closed = events.get(1);
    assertEquals(AlertState.CLOSED, closed.state());
    assertEquals(events.get(0).alertId(), closed.alertId());
    // The window forgets the overlap one frame at a time: it closes once at most
    // CLOSE_FRAMES of overlap remain in it.
    long expectedCloseFrame = 350 + OvertalkDetector.WINDOW_FRAMES - OvertalkDetector.CLOSE_FRAMES;
    assertEquals(expectedCloseFrame * 20, closed.mediaTimeMs());
  }

  @Test
  void ignoresAlternatingTurnsWithNoOverlap() {
    for (int turn = 0; turn < 40; turn++) {
      boolean customer = turn % 2 == 0;
      feed(customer, !customer, 100);
      feed(false, false, 20);
    }
    assertTrue(events.isEmpty(), "" + events);
  }

  @Test
  void ignoresBackchannelsAndBriefCrossTalk() {
    // The agent says "mm-hm" (0.3 s) every 2 s of the customer's turn, for a minute.
    for (int i = 0; i < 30; i++) {
      feed(true, false, 85);
      feed(true, true, 15);
    }
    assertTrue(events.isEmpty(), "" + events);
  }

  @Test
  void ignoresScatteredOverlapBelowTheOpeningShare() {
    Random random = new Random(99);
    double share = 0.5 * OvertalkDetector.OPEN_FRAMES / OvertalkDetector.WINDOW_FRAMES;
    for (int i = 0; i < 3000; i++) {
      boolean both = random.nextDouble() < share;
      feed(true, both, 1);
    }
    assertTrue(events.isEmpty(), "" + events);
  }

  @Test
  void numbersEachEpisodeWithItsOwnId() {
    for (int i = 0; i < 3; i++) {
      feed(true, true, 200);
      feed(true, false, 200);
    }
    assertEquals(6, events.size());
    assertEquals("call-1:overtalk:1", events.get(0).alertId());
    assertEquals("call-1:overtalk:2", events.get(2).alertId());
    assertEquals("call-1:overtalk:3", events.get(4).alertId());
  }

  @Test
  void finishClosesAnOpenEpisodeAtTheEndOfTheCall() {
    feed(true, true, 200);
    detector.finish(frame * 20);
    assertEquals(2, events.size());
    assertEquals(AlertState.CLOSED, events.get(1).state());
    assertEquals(4000, events.get(1).mediaTimeMs());
    detector.finish(frame * 20);
    assertEquals(2, events.size(), "a second finish emits nothing");
  }

  private void feed(boolean customer, boolean agent, int frames) {
    for (int i = 0; i < frames; i++) {
      frame++;
      detector.accept(customer, agent, frame * 20);
    }
  }
}
