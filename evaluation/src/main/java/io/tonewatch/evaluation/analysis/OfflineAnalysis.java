package io.tonewatch.evaluation.analysis;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.processor.engine.CallAnalyzer;
import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.engine.FeatureFrame;
import io.tonewatch.processor.engine.FeatureListener;
import io.tonewatch.processor.engine.WallClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one recorded call through a fresh engine. The wall clock is anchored at the epoch so that
 * the same file always gives the same events, byte for byte.
 */
public final class OfflineAnalysis {

  private OfflineAnalysis() {}

  /**
   * Analyses {@code audio} as call {@code callId}.
   *
   * @param keepFeatures whether to record every frame's features (for CSV and plots)
   */
  public static CallAnalysis run(String callId, CallAudio audio, boolean keepFeatures) {
    List<AlertEvent> events = new ArrayList<>();
    Map<Leg, List<FeatureFrame>> features = new EnumMap<>(Leg.class);
    FeatureListener featureListener = null;
    if (keepFeatures) {
      for (Leg leg : audio.samplesByLeg().keySet()) {
        features.put(leg, new ArrayList<>(audio.frameCount()));
      }
      featureListener =
          (leg, frame) -> features.computeIfAbsent(leg, l -> new ArrayList<>()).add(frame);
    }
    CallAnalyzer analyzer =
        new CallAnalyzer(
            callId,
            DetectorSettings.defaults(),
            WallClock.anchoredAt(Instant.EPOCH),
            events::add,
            featureListener);
    new FrameFeeder().feed(analyzer, audio);
    analyzer.finish();
    return new CallAnalysis(callId, audio, events, features);
  }

  /** The default call id of a file: its name without the extension. */
  public static String callIdOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String id = dot > 0 ? fileName.substring(0, dot) : fileName;
    return id.isBlank() ? "call" : id;
  }
}
