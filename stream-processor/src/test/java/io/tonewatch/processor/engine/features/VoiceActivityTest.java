package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Voice activity fed frame levels directly: one level per 20 ms frame. */
class VoiceActivityTest {
  private static final int FRAMES_PER_SECOND = 50;

  private final VoiceActivity vad = new VoiceActivity();
  private final Random random = new Random(1234);

  @Test
  void callsSpeechTwentyDbAboveASteadyFloorSpeechAndTheFloorItselfNot() {
    double floorDbfs = -66;
    int floorFramesCalledSpeech = feedFloor(floorDbfs, 5 * FRAMES_PER_SECOND);
    assertEquals(0, floorFramesCalledSpeech, "frames of the steady floor called speech");
    for (int i = 0; i < 200; i++) {
      assertTrue(vad.isSpeech(floorDbfs + 20 + jitter(2)), "speech frame " + i);
      assertFalse(vad.isSpeech(floorDbfs + jitter(1)), "floor frame " + i);
    }
  }

  @Test
  void offersFramesBetweenTheTwoMarginsAsPeriodicSpeechCandidates() {
    double floorDbfs = -60;
    feedFloor(floorDbfs, 5 * FRAMES_PER_SECOND);
    feedSpeech(floorDbfs + 35, 2 * FRAMES_PER_SECOND); // a clean line: speech 35 dB up
    feedFloor(floorDbfs, FRAMES_PER_SECOND);
    double floor = vad.noiseFloorDbfs();
    assertFalse(vad.isSpeech(floor + 9), "9 dB up is not speech by energy alone");
    assertTrue(vad.mayBePeriodicSpeech(floor + 9));
    assertFalse(vad.mayBePeriodicSpeech(floor + 4), "a clean line keeps the full margin");
    assertFalse(vad.mayBePeriodicSpeech(VoiceActivity.ABSOLUTE_FLOOR_DBFS - 1));
  }

  @Test
  void aNoisyLineOffersFramesNearerItsFloorAsCandidatesButNoBurstAsSpeech() {
    double floorDbfs = -40;
    feedFloor(floorDbfs, 5 * FRAMES_PER_SECOND);
    feedSpeech(floorDbfs + 6, 2 * FRAMES_PER_SECOND); // about 8 dB SNR: speech peaks 6 dB up
    feedFloor(floorDbfs, FRAMES_PER_SECOND);
    double floor = vad.noiseFloorDbfs();
    assertTrue(
        vad.mayBePeriodicSpeech(floor + 4),
        "4 dB up may be voiced speech here, floor " + floor + " peak " + vad.speechPeakDbfs());
    assertFalse(vad.mayBePeriodicSpeech(floor + 1), "the floor's own wobble is not");
    assertFalse(vad.isSpeech(floor + 10), "a 10 dB burst of noise is not speech by energy");
  }

  /** Feeds speech-like frames around {@code peakDbfs}, each confirmed periodic. */
  private void feedSpeech(double peakDbfs, int frames) {
    for (int i = 0; i < frames; i++) {
      if (!vad.isSpeech(peakDbfs + jitter(2)) && vad.mayBePeriodicSpeech(peakDbfs)) {
        vad.noteSpeech();
      }
    }
  }

  @Test
  void aFrameConfirmedAsSpeechLetsTheNextQuietFramesContinue() {
    feedFloor(-50, 5 * FRAMES_PER_SECOND);
    double floor = vad.noiseFloorDbfs();
    assertFalse(vad.isSpeech(floor + 9));
    assertFalse(vad.isSpeech(floor + 8), "no clear speech yet, so no continuation");
    vad.noteSpeech();
    assertTrue(vad.isSpeech(floor + 8), "continues within a syllable of confirmed speech");
  }

  @Test
  void settlesOnTheFloorOfAQuietLineWithinASecond() {
    feedFloor(-80, FRAMES_PER_SECOND);
    assertEquals(-80, vad.noiseFloorDbfs(), 2.0);
    assertTrue(vad.isSpeech(-55), "speech 25 dB above the floor");
  }

  @Test
  void neverCallsFramesBelowTheAbsoluteFloorSpeech() {
    feedFloor(LevelMeter.SILENCE_DBFS, FRAMES_PER_SECOND); // digital silence: the floor dives
    assertFalse(vad.isSpeech(VoiceActivity.ABSOLUTE_FLOOR_DBFS - 3));
    assertTrue(vad.isSpeech(VoiceActivity.ABSOLUTE_FLOOR_DBFS + 10));
  }

  @Test
  void aLongLoudTurnDoesNotDragTheFloorUpMoreThanAFewDb() {
    double floorDbfs = -66;
    feedFloor(floorDbfs, 5 * FRAMES_PER_SECOND);
    double settled = vad.noiseFloorDbfs();
    // 30 s of loud speech: words of 2-5 syllables (level dipping between syllables but staying
    // well above the floor), with the line's floor showing only in short pauses between words.
    int frames = 0;
    while (frames < 30 * FRAMES_PER_SECOND) {
      int syllables = 2 + random.nextInt(4);
      for (int s = 0; s < syllables; s++) {
        int length = 8 + random.nextInt(5);
        for (int i = 0; i < length; i++) {
          vad.isSpeech(-28 + jitter(4));
        }
        vad.isSpeech(-42 + jitter(3));
        frames += length + 1;
      }
      int pause = 3 + random.nextInt(5);
      for (int i = 0; i < pause; i++) {
        vad.isSpeech(floorDbfs + jitter(1));
      }
      frames += pause;
    }
    double rise = vad.noiseFloorDbfs() - settled;
    assertTrue(rise < 3.0, "the floor rose by " + rise + " dB during the turn");
    assertFalse(vad.isSpeech(floorDbfs + 2), "the line's floor after the turn");
    assertTrue(vad.isSpeech(floorDbfs + 16), "quiet speech after the turn");
  }

  @Test
  void aContinuousLoudStretchRaisesTheFloorOnlySlowly() {
    feedFloor(-66, 5 * FRAMES_PER_SECOND);
    double settled = vad.noiseFloorDbfs();
    for (int i = 0; i < 5 * FRAMES_PER_SECOND; i++) {
      assertTrue(vad.isSpeech(-25 + jitter(3)));
    }
    double rise = vad.noiseFloorDbfs() - settled;
    assertTrue(rise <= 3.0, "the floor rose by " + rise + " dB in 5 s of unbroken speech");
  }

  @Test
  void learnsTheFloorOfANoisyLineWithinAFewSeconds() {
    feedFloor(-50, 5 * FRAMES_PER_SECOND);
    int floorFramesCalledSpeech = feedFloor(-50, FRAMES_PER_SECOND);
    assertEquals(0, floorFramesCalledSpeech, "frames of the noisy line's floor called speech");
  }

  @Test
  void keepsAQuieterSyllableRightAfterClearSpeechSpeech() {
    double floorDbfs = -60;
    feedFloor(floorDbfs, 5 * FRAMES_PER_SECOND);
    assertFalse(vad.isSpeech(floorDbfs + 9), "9 dB above the floor does not start speech");
    assertTrue(vad.isSpeech(floorDbfs + 20), "clear speech");
    for (int i = 0; i < VoiceActivity.CONTINUE_FRAMES - 1; i++) {
      assertTrue(vad.isSpeech(floorDbfs + 9), "a weak syllable inside the word, frame " + i);
    }
    assertFalse(vad.isSpeech(floorDbfs + 3), "the line's floor between words");
  }

  @Test
  void absorbsATwelveDbLineGainStepOfTheFloorWithinFiveSeconds() {
    feedFloor(-66, 5 * FRAMES_PER_SECOND);
    feedFloor(-54, 5 * FRAMES_PER_SECOND);
    int floorFramesCalledSpeech = feedFloor(-54, FRAMES_PER_SECOND);
    assertEquals(0, floorFramesCalledSpeech, "frames of the stepped floor called speech");
  }

  /** Feeds a floor with ±1 dB of frame-to-frame wobble; returns how many frames were speech. */
  private int feedFloor(double floorDbfs, int frames) {
    int speech = 0;
    for (int i = 0; i < frames; i++) {
      if (vad.isSpeech(floorDbfs + jitter(1))) {
        speech++;
      }
    }
    return speech;
  }

  private double jitter(double spreadDb) {
    return spreadDb * (2 * random.nextDouble() - 1);
  }
}
