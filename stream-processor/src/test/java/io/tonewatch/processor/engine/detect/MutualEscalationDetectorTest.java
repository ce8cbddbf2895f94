package io.tonewatch.processor.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.processor.engine.WallClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mutual escalation decided from the two legs' raised flags, one 20 ms call frame a step. */
class MutualEscalationDetectorTest {
  private final List<AlertEvent> events = new ArrayList<>();
  private final MutualEscalationDetector detector =
      new MutualEscalationDetector(
          new EpisodeEmitter(
              "call-1",
              AlertKind.MUTUAL_ESCALATION,
              null,
              "test",
              WallClock.anchoredAt(Instant.EPOCH),
              events::add));
  private long frame;

  @Test
  void opensAsSoonAsBothLegsAreRaised() {
    feed(true, false, 500);
    feed(false, true, 500);
    assertTrue(events.isEmpty(), "one raised leg at a time is not mutual");
    feed(true, true, 1);
    assertEquals(1, events.size());
    assertEquals(AlertState.OPENED, events.get(0).state());
    assertNull(events.get(0).leg());
    assertEquals(1001 * 20L, events.get(0).mediaTimeMs());
  }

  @Test
  void staysOpenWhileTheLegsKeepComingBackToBeingRaisedTogether() {
    feed(true, true, 10);
    for (int i = 0; i < 10; i++) {
      feed(true, false, MutualEscalationDetector.CLOSE_FRAMES - 1);
      feed(true, true, 1);
    }
    assertEquals(1, events.size(), "" + events);
  }

  @Test
  void closesAfterTheLegsHaveNotBeenRaisedTogetherForTheClosingTime() {
    feed(true, true, 10);
    feed(true, false, MutualEscalationDetector.CLOSE_FRAMES);
    assertEquals(2, events.size(), "" + events);
    AlertEvent closed = events.get(1);
    assertEquals(AlertState.CLOSED, closed.state());
    assertEquals(events.get(0).alertId(), closed.alertId());
    assertEquals((10 + MutualEscalationDetector.CLOSE_FRAMES) * 20L, closed.mediaTimeMs());
  }

  @Test
  void finishClosesAnOpenEpisode() {
    feed(true, true, 10);
    detector.finish(frame * 20);
    assertEquals(2, events.size());
    assertEquals(AlertState.CLOSED, events.get(1).state());
  }

  private void feed(boolean customer, boolean agent, int frames) {
    for (int i = 0; i < frames; i++) {
      frame++;
      detector.accept(customer, agent, frame * 20);
    }
  }
}
