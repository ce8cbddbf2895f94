package io.tonewatch.evaluation.report;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.call.LegLayout;
import io.tonewatch.processor.engine.FeatureFrame;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made analysed calls for report tests. */
final class Calls {

  private Calls() {}

  static CallAudio twoLegs(double durationS) {
    int n = (int) Math.round(durationS * 8000);
    return new CallAudio(
        "call.wav",
        8000,
        LegLayout.standard(2),
        Map.of(Leg.CUSTOMER, new short[n], Leg.AGENT, new short[n]));
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

  static CallAnalysis analysis(
      double durationS, List<AlertEvent> events, Map<Leg, List<FeatureFrame>> features) {
    return new CallAnalysis("call", twoLegs(durationS), events, features);
  }
}
