package io.tonewatch.processor.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.WallClock;
import io.tonewatch.processor.engine.features.LegFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The raised-voice decision on given feature frames: which combinations of pitch, tilt and
 * Hammarberg index against the speaker's own calm frames open an episode.
 */
class RaisedVoiceDetectorTest {
  private static final double CALM_F0_HZ = 200;
  private static final double CALM_TILT_DB = -12;
  private static final double CALM_HAMMARBERG_DB = 23;

  private final List<AlertEvent> events = new ArrayList<>();
  private final RaisedVoiceDetector detector =
      new RaisedVoiceDetector(RaisedVoiceRule.defaults(), emitter(events));

  /** The customer leg's raised-voice episodes of a test call, into {@code events}. */
  static EpisodeEmitter emitter(List<AlertEvent> events) {
    return new EpisodeEmitter(
        "call-1",
        AlertKind.RAISED_VOICE,
        Leg.CUSTOMER,
        "test",
        WallClock.anchoredAt(Instant.EPOCH),
        events::add);
  }

  private final Random random = new Random(3);
  private final LegFeatures frame = new LegFeatures();
  private long mediaTimeMs;

  @Test
  void higherPitchAndFlatterTiltWithAFallingHammarbergIndexOpen() {
    speak(20, 0, 0, 0);
    assertTrue(events.isEmpty(), "calm speech opened an episode: " + events);
    speak(3, 6, 8, 8);
    assertEquals(AlertState.OPENED, events.get(0).state(), "" + events);
    assertEquals(8, events.get(0).evidence().hammarbergDropDb(), 1.5);
  }

  @Test
  void flatterTiltThatTheHammarbergIndexDoesNotFollowIsNotEffort() {
    // The same pitch and tilt as above, but the upper formant peaks do not grow: the tilt counts
    // only up to the index's fall plus the slack, which leaves the score under the threshold.
    speak(20, 0, 0, 0);
    speak(3, 6, 8, -2);
    assertTrue(events.isEmpty(), "opened on tilt alone: " + events);
  }

  @Test
  void aTiltRiseWithinTheSlackOfTheIndexCountsInFull() {
    double slackDb = RaisedVoiceRule.defaults().hammarbergSlackDb();
    speak(20, 0, 0, 0);
    // Counted as the index's fall alone, +4 st and 4.5 dB would stay under the threshold.
    speak(3, 4, 8, 8 - slackDb + 0.5);
    assertEquals(AlertState.OPENED, events.get(0).state(), "" + events);
  }

  @Test
  void anIndexFallingFurtherThanTheTiltRisesAddsHalfTheDifference() {
    // +6 st with 3 dB of tilt alone scores 1.41, under the threshold; the index falling 9 dB makes
    // the effort 3 + (9 - 3) / 2 = 6 dB and the score 2.0.
    speak(20, 0, 0, 0);
    speak(3, 6, 3, 9);
    assertEquals(AlertState.OPENED, events.get(0).state(), "" + events);
  }

  /**
   * Speech for {@code seconds}: syllables of 8 voiced frames and 2 unvoiced ones, pitch wandering
   * about {@code pitchSt} above the calm voice, tilt {@code tiltDb} flatter and the Hammarberg
   * index {@code hammarbergDropDb} lower, each with frame-to-frame scatter.
   */
  private void speak(double seconds, double pitchSt, double tiltDb, double hammarbergDropDb) {
    int frames = (int) (seconds * 50);
    for (int i = 0; i < frames; i++) {
      boolean voiced = i % 10 < 8;
      frame.timeS = mediaTimeMs / 1000.0;
      frame.speech = true;
      frame.levelDbfs = -30 + random.nextGaussian();
      frame.f0Hz =
          voiced ? CALM_F0_HZ * Math.pow(2, (pitchSt + 0.6 * random.nextGaussian()) / 12) : 0;
      frame.tiltDb = CALM_TILT_DB + tiltDb + 1.5 * random.nextGaussian();
      frame.hammarbergDb = CALM_HAMMARBERG_DB - hammarbergDropDb + 1.5 * random.nextGaussian();
      mediaTimeMs += 20;
      detector.accept(frame, mediaTimeMs);
    }
  }
}
