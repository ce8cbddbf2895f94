package io.tonewatch.processor.engine;

import io.tonewatch.events.AlertKind;
import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.detect.EpisodeEmitter;
import io.tonewatch.processor.engine.detect.MutualEscalationDetector;
import io.tonewatch.processor.engine.detect.OvertalkDetector;
import io.tonewatch.processor.engine.detect.RaisedVoiceDetector;
import io.tonewatch.processor.engine.features.LegFeatureExtractor;
import io.tonewatch.processor.engine.features.LegFeatures;
import java.util.Objects;

/**
 * The engine for one call: fed 20 ms PCM frames of either leg, it emits alert events. Push-based
 * and single-threaded: one instance per call, called from one thread at a time; no thread or stream
 * of its own, and nothing allocated per frame unless a {@link FeatureListener} is given. Each leg's
 * media time advances 20 ms per frame; call-level kinds (overtalk, mutual escalation) are decided
 * frame by frame once both legs have delivered that frame.
 */
public final class CallAnalyzer {
  public static final int SAMPLE_RATE_HZ = 8000;
  public static final int FRAME_SAMPLES = 160;
  public static final int FRAME_MILLIS = 20;
  public static final String ENGINE_VERSION = "tonewatch-engine/0.2.0";

  private static final AlertListener DISCARD = event -> {};

  private final FeatureListener features;
  private final LegAnalysis customer;
  private final LegAnalysis agent;
  private final OvertalkDetector overtalk;
  private final MutualEscalationDetector mutual;
  private long callFrames;
  private boolean finished;

  public CallAnalyzer(
      String callId,
      DetectorSettings settings,
      WallClock wallClock,
      AlertListener alerts,
      FeatureListener features) {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(wallClock, "wallClock");
    Objects.requireNonNull(alerts, "alerts");
    this.features = features;
    this.customer = leg(callId, Leg.CUSTOMER, settings, wallClock, alerts);
    this.agent =
        leg(callId, Leg.AGENT, settings, wallClock, settings.agentAlerts() ? alerts : DISCARD);
    this.overtalk =
        new OvertalkDetector(
            emitter(callId, AlertKind.OVERTALK, null, ENGINE_VERSION, wallClock, alerts));
    this.mutual =
        new MutualEscalationDetector(
            emitter(callId, AlertKind.MUTUAL_ESCALATION, null, ENGINE_VERSION, wallClock, alerts));
  }

  /**
   * The detector version alert events carry: the engine's, plus the learned score's version when
   * one decides (e.g. {@code tonewatch-engine/0.2.0+rv-logit-2026-12-03n}).
   */
  public static String detectorVersion(DetectorSettings settings) {
    return settings.scoreModel() == null
        ? ENGINE_VERSION
        : ENGINE_VERSION + "+" + settings.scoreModel().version();
  }

  private static LegAnalysis leg(
      String callId, Leg leg, DetectorSettings settings, WallClock wallClock, AlertListener sink) {
    EpisodeEmitter episodes =
        emitter(callId, AlertKind.RAISED_VOICE, leg, detectorVersion(settings), wallClock, sink);
    return new LegAnalysis(
        leg,
        new LegFeatureExtractor(SAMPLE_RATE_HZ),
        new RaisedVoiceDetector(settings.raisedVoiceRule(), settings.scoreModel(), episodes));
  }

  private static EpisodeEmitter emitter(
      String callId,
      AlertKind kind,
      Leg leg,
      String version,
      WallClock wallClock,
      AlertListener sink) {
    return new EpisodeEmitter(callId, kind, leg, version, wallClock, sink);
  }

  /**
   * Feeds one frame of {@link #FRAME_SAMPLES} 16-bit samples at 8 kHz starting at {@code offset}. A
   * concealed frame (loss filled in by the receiver) advances time but is not analysed.
   */
  public void onFrame(Leg leg, short[] samples, int offset, boolean concealed) {
    if (finished) {
      throw new IllegalStateException("call already finished");
    }
    Objects.checkFromIndexSize(offset, FRAME_SAMPLES, samples.length);
    LegAnalysis analysis = leg == Leg.CUSTOMER ? customer : agent;
    LegFeatures frame = analysis.accept(samples, offset, FRAME_SAMPLES, concealed);
    if (features != null) {
      RaisedVoiceDetector detector = analysis.detector();
      features.onFeatures(
          leg,
          new FeatureFrame(
              frame.timeS,
              frame.f0Hz,
              frame.levelDbfs,
              frame.tiltDb,
              frame.hammarbergDb,
              frame.speech,
              frame.concealed,
              detector.score(),
              detector.raised(),
              detector.modelInputs().clone()));
    }
    advanceCallLevel();
  }

  /** Runs the call-level detectors over every frame both legs have now delivered. */
  private void advanceCallLevel() {
    long ready = Math.min(customer.frames(), agent.frames());
    long newest = Math.max(customer.frames(), agent.frames());
    if (ready == 0) {
      return; // one-legged so far (e.g. a mono recording): nothing call-level to decide
    }
    // A stalled leg must not hold call-level state hostage beyond the history it keeps.
    ready = Math.max(ready, newest - LegAnalysis.HISTORY_FRAMES + 1);
    while (callFrames < ready) {
      long mediaTimeMs = (callFrames + 1) * FRAME_MILLIS;
      overtalk.accept(customer.speechAt(callFrames), agent.speechAt(callFrames), mediaTimeMs);
      mutual.accept(customer.raisedAt(callFrames), agent.raisedAt(callFrames), mediaTimeMs);
      callFrames++;
    }
  }

  /** Ends the call: closes every open episode at the end of the longer leg. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    long endMs = Math.max(customer.mediaTimeMs(), agent.mediaTimeMs());
    customer.detector().finish(endMs);
    agent.detector().finish(endMs);
    overtalk.finish(endMs);
    mutual.finish(endMs);
  }
}
