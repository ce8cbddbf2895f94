package io.tonewatch.processor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import io.tonewatch.processor.engine.SyntheticVoice.Style;
import io.tonewatch.processor.engine.score.ModelInput;
import io.tonewatch.processor.engine.score.ScoreModel;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Raised-voice decisions of a mono call (customer leg only) on generated voices. */
class RaisedVoiceDecisionTest {
  /** A calm male-ish voice: about -14 dB of tilt on the telephone band. */
  static final Style CALM = new Style(140, -32, -10);

  /** The same voice raised: +7 semitones, +8 dB, a source about 8 dB flatter in tilt. */
  static final Style RAISED = CALM.raisedBy(7, 8, 5);

  static final double NOISE_DBFS = -68;
  static final double RAISED_FROM_S = 30;
  static final double CALL_S = 40;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void opensARaisedVoiceEpisodeDuringTheRaisedPartOnly(long seed) {
    EngineRun run = EngineRun.mono(calmThenRaised(seed));

    List<AlertEvent> opened = run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER);
    assertFalse(opened.isEmpty(), "no raised_voice episode opened:" + run.describe());
    long raisedFromMs = (long) (RAISED_FROM_S * 1000);
    for (AlertEvent e : opened) {
      assertTrue(
          e.mediaTimeMs() > raisedFromMs,
          "an episode opened before the voice was raised:" + run.describe());
    }
    long latencyMs = opened.get(0).mediaTimeMs() - raisedFromMs;
    assertTrue(latencyMs <= 3000, "opened " + latencyMs + " ms after the rise:" + run.describe());
    assertTrue(run.opened(AlertKind.RAISED_VOICE, Leg.AGENT).isEmpty(), "nothing on the agent leg");
    run.assertEpisodesWellFormed();
  }

  @Test
  void theGeneratedRaisedVoiceIsHigherAndFlatterThanTheCalmOne() {
    // Guards the generator: the decision tests mean something only if this holds.
    EngineRun run = EngineRun.mono(calmThenRaised(1));
    double calmF0 = EngineRun.medianVoiced(run.customerFeatures, 5, 30, FeatureFrame::f0Hz);
    double raisedF0 = EngineRun.medianVoiced(run.customerFeatures, 30, 40, FeatureFrame::f0Hz);
    double calmTilt = EngineRun.medianVoiced(run.customerFeatures, 5, 30, FeatureFrame::tiltDb);
    double raisedTilt = EngineRun.medianVoiced(run.customerFeatures, 30, 40, FeatureFrame::tiltDb);
    double semitones = 12 * Math.log(raisedF0 / calmF0) / Math.log(2);
    assertEquals(7, semitones, 1.5, "pitch rise in semitones");
    assertEquals(8, raisedTilt - calmTilt, 2.5, "tilt flattening in dB");
    assertTrue(calmTilt < -10, "calm tilt like calm telephone speech, was " + calmTilt);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void tracksAndFlagsAVoiceRaisedByAnOctave(long seed) {
    SyntheticVoice voice = new SyntheticVoice(seed);
    float[] speech =
        TestSignals.concat(
            voice.speak(CALM, RAISED_FROM_S),
            voice.speak(CALM.raisedBy(12, 10, 6), CALL_S - RAISED_FROM_S));
    EngineRun run = EngineRun.mono(TestSignals.pcm(line(speech, seed)));

    double calmF0 = EngineRun.medianVoiced(run.customerFeatures, 5, 30, FeatureFrame::f0Hz);
    double shoutF0 = EngineRun.medianVoiced(run.customerFeatures, 30, 40, FeatureFrame::f0Hz);
    double semitones = 12 * Math.log(shoutF0 / calmF0) / Math.log(2);
    assertEquals(12, semitones, 2, "pitch rise tracked, in semitones:" + run.describe());
    List<AlertEvent> opened = run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER);
    assertFalse(opened.isEmpty(), "no episode for a voice an octave up:" + run.describe());
    assertTrue(opened.get(0).mediaTimeMs() > RAISED_FROM_S * 1000, run.describe());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {4, 5, 6})
  void staysQuietOnAMinuteOfCalmSpeech(long seed) {
    SyntheticVoice voice = new SyntheticVoice(seed);
    EngineRun run = EngineRun.mono(TestSignals.pcm(line(voice.speak(CALM, 60), seed)));
    assertTrue(run.events.isEmpty(), "events on calm speech:" + run.describe());
  }

  @ParameterizedTest(name = "{0} dB at 20 s, back at 40 s")
  @ValueSource(doubles = {12, -12})
  void ignoresLineGainStepsOf12Db(double stepDb) {
    SyntheticVoice voice = new SyntheticVoice(7);
    float[] line = line(voice.speak(CALM, 60), 7);
    line = TestSignals.gainFrom(line, 20, stepDb);
    line = TestSignals.gainFrom(line, 40, -stepDb);
    EngineRun run = EngineRun.mono(TestSignals.pcm(line));
    assertTrue(run.events.isEmpty(), "events on a gain step:" + run.describe());
  }

  @Test
  void ignoresAPureToneAfterCalmSpeech() {
    float[] call =
        TestSignals.concat(new SyntheticVoice(8).speak(CALM, 20), TestSignals.sine(440, -24, 20));
    EngineRun run = EngineRun.mono(TestSignals.pcm(TestSignals.withNoise(call, NOISE_DBFS, 8)));
    assertTrue(run.events.isEmpty(), "events on a 440 Hz tone:" + run.describe());
  }

  @Test
  void ignoresAHeldHarmonicToneWhosePitchAndTiltLookRaised() {
    float[] call =
        TestSignals.concat(
            new SyntheticVoice(9).speak(CALM, 20), TestSignals.harmonicTone(440, -6, -24, 20));
    EngineRun run = EngineRun.mono(TestSignals.pcm(TestSignals.withNoise(call, NOISE_DBFS, 9)));
    assertCuesLookRaised(run, 20, 40);
    assertTrue(run.events.isEmpty(), "events on a held tone:" + run.describe());
  }

  @Test
  void ignoresHoldMusicWhosePitchAndTiltLookRaised() {
    float[] call =
        TestSignals.concat(
            new SyntheticVoice(10).speak(CALM, 20), TestSignals.melody(10, -4, -24, 20));
    EngineRun run = EngineRun.mono(TestSignals.pcm(TestSignals.withNoise(call, NOISE_DBFS, 10)));
    assertCuesLookRaised(run, 20, 40);
    assertTrue(run.events.isEmpty(), "events on hold music:" + run.describe());
  }

  @Test
  void givesTheSameEventsForTheSameInput() {
    List<String> first = EngineRun.mono(calmThenRaised(1)).json();
    List<String> second = EngineRun.mono(calmThenRaised(1)).json();
    assertFalse(first.isEmpty(), "the scenario must produce events to compare");
    assertEquals(first, second);
  }

  @Test
  void concealedFramesInRaisedSpeechAreIgnoredWhateverTheyCarry() {
    // One second of loss in the middle of the raised part; the receiver's fill-in is either
    // silence or loud garbage (a full-scale square wave), and neither may matter.
    short[] call = calmThenRaised(1);
    int firstLost = 33 * 50;
    int lastLost = 34 * 50 - 1;
    IntPredicate lost = frame -> frame >= firstLost && frame <= lastLost;
    short[] silentFill = call.clone();
    short[] garbageFill = call.clone();
    for (int i = firstLost * EngineRun.FRAME; i < (lastLost + 1) * EngineRun.FRAME; i++) {
      silentFill[i] = 0;
      garbageFill[i] = (short) ((i / 4) % 2 == 0 ? 32767 : -32768);
    }
    DetectorSettings settings = DetectorSettings.defaults();
    EngineRun silent = EngineRun.mono(silentFill, lost, settings);
    EngineRun garbage = EngineRun.mono(garbageFill, lost, settings);

    assertEquals(silent.json(), garbage.json(), "the concealed payload changed the events");
    assertFalse(garbage.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER).isEmpty(), garbage.describe());
    for (AlertEvent e : garbage.events) {
      boolean duringLoss =
          e.mediaTimeMs() > firstLost * 20L && e.mediaTimeMs() <= (lastLost + 1) * 20L;
      assertFalse(duringLoss, "an event was decided on a concealed frame:" + garbage.describe());
    }
    for (FeatureFrame f : garbage.customerFeatures) {
      if (f.concealed()) {
        assertFalse(f.speech(), "a concealed frame counted as speech at " + f.timeS() + " s");
      }
    }
    garbage.assertEpisodesWellFormed();
  }

  @Test
  void aCallOfOnlyConcealedFramesProducesNoEvent() {
    // Loud raised speech as payload, every frame flagged concealed.
    short[] payload = TestSignals.pcm(new SyntheticVoice(11).speak(RAISED, 20));
    EngineRun run = EngineRun.mono(payload, frame -> true, DetectorSettings.defaults());
    assertTrue(run.events.isEmpty(), "events from concealed frames:" + run.describe());
    assertEquals(20_000, run.fedMillis);
  }

  @Test
  void raisedVoiceEventsCarryTheV1ShapeAndTheirEvidence() {
    EngineRun run = EngineRun.mono(calmThenRaised(2));
    assertFalse(run.events.isEmpty(), run.describe());
    for (AlertEvent e : run.events) {
      assertEquals("tonewatch.alert/v1", e.schema());
      assertEquals(AlertKind.RAISED_VOICE, e.kind());
      assertEquals(Leg.CUSTOMER, e.leg());
      assertEquals(EngineRun.CALL_ID, e.callId());
      assertNotNull(e.severity());
      assertTrue(e.severity().compareTo(Severity.RAISED) >= 0, "severity " + e.severity());
      assertEquals(CallAnalyzer.ENGINE_VERSION, e.detectorVersion());
      assertTrue(e.mediaTimeMs() >= 0 && e.mediaTimeMs() <= run.fedMillis, "" + e.mediaTimeMs());
      assertEquals(EngineRun.MEDIA_START.plusMillis(e.mediaTimeMs()), e.wallClockTime());
      String json = AlertEventJson.toJson(e);
      assertTrue(json.contains("\"schema\":\"tonewatch.alert/v1\""), json);
      assertTrue(json.contains("\"kind\":\"raised_voice\""), json);
      assertTrue(json.contains("\"leg\":\"customer\""), json);
      assertEquals(e, AlertEventJson.fromJson(json), "JSON round trip");
    }
    AlertEvent opened = run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER).get(0);
    assertTrue(opened.alertId().startsWith(EngineRun.CALL_ID), opened.alertId());
    // The evidence reports the deltas the generator put in (+7 st, +8 dB, ~8 dB flatter).
    assertTrue(opened.evidence().f0DeltaSemitones() > 2, "pitch delta " + opened.evidence());
    assertTrue(opened.evidence().f0DeltaSemitones() < 12, "pitch delta " + opened.evidence());
    assertTrue(opened.evidence().tiltDeltaDb() > 2, "tilt delta " + opened.evidence());
    assertTrue(opened.evidence().tiltDeltaDb() < 16, "tilt delta " + opened.evidence());
    assertTrue(opened.evidence().hammarbergDropDb() > 2, "hammarberg drop " + opened.evidence());
    assertEquals(8, opened.evidence().levelDeltaDb(), 3, "level delta " + opened.evidence());
    assertTrue(opened.evidence().voicedSeconds() > 0, "voiced seconds " + opened.evidence());
    assertTrue(opened.evidence().score() > 0, "score " + opened.evidence());
    assertTrue(opened.evidence().scoreInputs().isEmpty(), "the hand-set rule has no model inputs");
    List<AlertEvent> closed = run.events(AlertKind.RAISED_VOICE, Leg.CUSTOMER, AlertState.CLOSED);
    assertEquals(run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER).size(), closed.size());
  }

  @Test
  void learnedScoreEventsNameTheModelAndItsInputs() {
    ScoreModel model = ScoreModel.bundled();
    EngineRun run =
        EngineRun.mono(
            calmThenRaised(2), frame -> false, DetectorSettings.defaults().withScoreModel(model));
    assertFalse(run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER).isEmpty(), run.describe());
    AlertEvent opened = run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER).get(0);
    assertEquals(CallAnalyzer.ENGINE_VERSION + "+" + model.version(), opened.detectorVersion());
    List<String> inputNames = Arrays.stream(ModelInput.values()).map(ModelInput::key).toList();
    assertEquals(inputNames, List.copyOf(opened.evidence().scoreInputs().keySet()));
    assertTrue(opened.evidence().scoreInputs().get("pitch_st") > 2, "" + opened.evidence());
    assertTrue(AlertEventJson.toJson(opened).contains("\"scoreInputs\":{\"pitch_st\":"));
    List<AlertEvent> closed = run.events(AlertKind.RAISED_VOICE, Leg.CUSTOMER, AlertState.CLOSED);
    assertEquals(run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER).size(), closed.size());
  }

  /** The tonal part shows pitch and tilt that would read as raised if it were speech. */
  private static void assertCuesLookRaised(EngineRun run, double fromS, double toS) {
    double calmF0 = EngineRun.medianVoiced(run.customerFeatures, 5, fromS, FeatureFrame::f0Hz);
    double calmTilt = EngineRun.medianVoiced(run.customerFeatures, 5, fromS, FeatureFrame::tiltDb);
    double toneF0 = EngineRun.medianVoiced(run.customerFeatures, fromS, toS, FeatureFrame::f0Hz);
    double toneTilt =
        EngineRun.medianVoiced(run.customerFeatures, fromS, toS, FeatureFrame::tiltDb);
    assertTrue(12 * Math.log(toneF0 / calmF0) / Math.log(2) > 7, "tone pitch " + toneF0 + " Hz");
    assertTrue(toneTilt - calmTilt > 5, "tone tilt " + toneTilt + " dB vs " + calmTilt);
  }

  /** 30 s of calm speech, then 10 s of the same voice raised, on a line with a light floor. */
  static short[] calmThenRaised(long seed) {
    SyntheticVoice voice = new SyntheticVoice(seed);
    float[] speech =
        TestSignals.concat(
            voice.speak(CALM, RAISED_FROM_S), voice.speak(RAISED, CALL_S - RAISED_FROM_S));
    return TestSignals.pcm(line(speech, seed));
  }

  private static float[] line(float[] speech, long seed) {
    return TestSignals.withNoise(speech, NOISE_DBFS, seed * 31 + 1);
  }
}
