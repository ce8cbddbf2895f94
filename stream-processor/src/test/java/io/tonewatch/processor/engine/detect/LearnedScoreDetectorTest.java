package io.tonewatch.processor.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertState;
import io.tonewatch.processor.engine.features.LegFeatures;
import io.tonewatch.processor.engine.score.ModelInput;
import io.tonewatch.processor.engine.score.ScoreModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The raised-voice decision by a learned score on given feature frames: the model's inputs are the
 * turn's cues against the speaker's own calm frames, so level counts where it rises and a quieter
 * voice (levelled by AGC) costs nothing.
 */
class LearnedScoreDetectorTest {
  private static final double CALM_F0_HZ = 200;
  private static final double CALM_LEVEL_DBFS = -30;

  private final List<AlertEvent> events = new ArrayList<>();
  private final Random random = new Random(5);
  private final LegFeatures frame = new LegFeatures();
  private RaisedVoiceDetector detector;
  private long mediaTimeMs;

  private void use(double pitchWeight, double levelWeight) {
    double[] w = new double[ModelInput.values().length];
    w[ModelInput.PITCH_ST.ordinal()] = pitchWeight;
    w[ModelInput.LEVEL_RISE_OVER_3_DB.ordinal()] = levelWeight;
    ScoreModel model = new ScoreModel("test", -4, w, 0, -2, 8, 3);
    detector =
        new RaisedVoiceDetector(
            RaisedVoiceRule.defaults(), model, RaisedVoiceDetectorTest.emitter(events));
  }

  @Test
  void aLevelRiseAloneOpensWhenTheModelWeighsLevel() {
    use(0, 0.5);
    speak(10, 0, 0);
    assertEquals(0, opened(), "calm speech at a steady level");
    speak(3, 0, 12);
    assertEquals(1, opened());
    double[] inputs = detector.modelInputs();
    assertEquals(9, inputs[ModelInput.LEVEL_RISE_OVER_3_DB.ordinal()], 1.5);
    assertEquals(0, inputs[ModelInput.PITCH_ST.ordinal()], 1.0);
  }

  @Test
  void aQuieterVoiceCostsNothingWhenThePitchRises() {
    use(0.8, 0.5);
    speak(10, 0, 0);
    speak(3, 7, -8);
    assertEquals(1, opened(), "pitch +7 st with the level 8 dB down, as AGC levels a loud voice");
    assertEquals(0, detector.modelInputs()[ModelInput.LEVEL_RISE_OVER_3_DB.ordinal()]);
  }

  @Test
  void neitherCueRisingStaysQuiet() {
    use(0.8, 0.5);
    speak(10, 0, 0);
    speak(5, 1, -6);
    assertEquals(0, opened());
    assertTrue(detector.score() < 0, "score " + detector.score());
  }

  private long opened() {
    return events.stream().filter(e -> e.state() == AlertState.OPENED).count();
  }

  private void speak(double seconds, double pitchSt, double levelDb) {
    int frames = (int) (seconds * 50);
    for (int i = 0; i < frames; i++) {
      boolean voiced = i % 10 < 8;
      frame.timeS = mediaTimeMs / 1000.0;
      frame.speech = true;
      frame.levelDbfs = CALM_LEVEL_DBFS + levelDb + random.nextGaussian();
      frame.f0Hz =
          voiced ? CALM_F0_HZ * Math.pow(2, (pitchSt + 0.6 * random.nextGaussian()) / 12) : 0;
      frame.tiltDb = -12 + 1.5 * random.nextGaussian();
      frame.hammarbergDb = 23 + 1.5 * random.nextGaussian();
      mediaTimeMs += 20;
      detector.accept(frame, mediaTimeMs);
    }
  }
}
