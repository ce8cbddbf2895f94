package io.tonewatch.evaluation.report;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import io.tonewatch.media.call.CallInfo;
import io.tonewatch.media.call.LegLayout;
import io.tonewatch.processor.engine.FeatureFrame;
import io.tonewatch.processor.engine.FeatureListener;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made analysed calls for report tests. */
final class Calls {

  private Calls() {}

  static CallInfo twoLegs(double durationS) {
    return new CallInfo("call.wav", 8000, LegLayout.standard(2), Math.round(durationS * 8000));
  }

  static AlertEvent event(
      String id,
      Leg leg,
      AlertKind kind,
      AlertState state,
      Severity severity,
      long ms,
      Evidence e) {
    return AlertEvent.of(
        id, "call", leg, kind, state, severity, ms, Instant.EPOCH.plusMillis(ms), e, "test/1");
  }

  static AlertEvent raised(String id, Leg leg, AlertState state, Severity severity, long ms) {
    return event(
        id,
        leg,
        AlertKind.RAISED_VOICE,
        state,
        severity,
        ms,
        new Evidence(6.14, 4.2, 7.86, 6.5, 1.2, 1.5, 0));
  }

  static CallAnalysis analysis(double durationS, List<AlertEvent> events) {
    return new CallAnalysis("call", twoLegs(durationS), events);
  }

  /** The features as the engine hands them over: leg by leg within each frame. */
  static void feed(Map<Leg, List<FeatureFrame>> features, FeatureListener listener) {
    int frames = features.values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < frames; i++) {
      for (Leg leg : Leg.values()) {
        List<FeatureFrame> legFrames = features.getOrDefault(leg, List.of());
        if (i < legFrames.size()) {
          listener.onFeatures(leg, legFrames.get(i));
        }
      }
    }
  }
}
