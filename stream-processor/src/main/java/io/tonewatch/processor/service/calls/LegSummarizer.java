package io.tonewatch.processor.service.calls;

import io.tonewatch.events.Leg;
import io.tonewatch.events.LegSummary;
import io.tonewatch.processor.engine.CallAnalyzer;
import io.tonewatch.processor.engine.FeatureFrame;
import io.tonewatch.processor.engine.features.LevelMeter;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * Folds one leg's 20 ms feature frames into a {@link LegSummary} per second of media: mean power,
 * median voiced pitch, mean speech tilt, peak score, speech and concealed shares, raised or not.
 * Fixed memory (one second of pitch values). Owned by the call's engine thread.
 */
final class LegSummarizer {
  static final int FRAMES_PER_SUMMARY = 1000 / CallAnalyzer.FRAME_MILLIS;

  private final String callId;
  private final Leg leg;
  private final LongFunction<Instant> wallClock;
  private final double[] voicedF0Hz = new double[FRAMES_PER_SUMMARY];
  private long legFrames;
  private int frames;
  private int analysed;
  private int voiced;
  private int speech;
  private int concealed;
  private double powerSum;
  private double tiltSumDb;
  private double maxScore;
  private boolean raised;

  LegSummarizer(String callId, Leg leg, LongFunction<Instant> wallClock) {
    this.callId = callId;
    this.leg = leg;
    this.wallClock = wallClock;
  }

  /** Adds one frame; returns the summary when it completes a second, else null. */
  LegSummary accept(FeatureFrame frame) {
    legFrames++;
    frames++;
    if (frame.concealed()) {
      concealed++;
    } else {
      analysed++;
      powerSum += Math.pow(10, frame.levelDbfs() / 10);
    }
    if (frame.f0Hz() > 0) {
      voicedF0Hz[voiced++] = frame.f0Hz();
    }
    if (frame.speech()) {
      speech++;
      tiltSumDb += frame.tiltDb();
    }
    maxScore = Math.max(maxScore, frame.score());
    raised |= frame.raised();
    return frames == FRAMES_PER_SUMMARY ? summary() : null;
  }

  /** The summary of the frames since the last one, or null when there are none. */
  LegSummary flush() {
    return frames == 0 ? null : summary();
  }

  private LegSummary summary() {
    long mediaTimeMs = legFrames * CallAnalyzer.FRAME_MILLIS;
    double levelDbfs =
        analysed == 0
            ? LevelMeter.SILENCE_DBFS
            : Math.max(LevelMeter.SILENCE_DBFS, 10 * Math.log10(powerSum / analysed));
    LegSummary summary =
        new LegSummary(
            LegSummary.SCHEMA,
            callId,
            leg,
            mediaTimeMs,
            wallClock.apply(mediaTimeMs),
            frames,
            levelDbfs,
            medianVoicedHz(),
            speech == 0 ? 0 : tiltSumDb / speech,
            Double.isFinite(maxScore) ? maxScore : 0,
            speech / (double) frames,
            concealed / (double) frames,
            raised,
            CallAnalyzer.ENGINE_VERSION);
    frames = analysed = voiced = speech = concealed = 0;
    powerSum = tiltSumDb = maxScore = 0;
    raised = false;
    return summary;
  }

  private double medianVoicedHz() {
    if (voiced == 0) {
      return 0;
    }
    Arrays.sort(voicedF0Hz, 0, voiced);
    return voiced % 2 == 1
        ? voicedF0Hz[voiced / 2]
        : (voicedF0Hz[voiced / 2 - 1] + voicedF0Hz[voiced / 2]) / 2;
  }
}
