package io.tonewatch.evaluation.analysis;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.processor.engine.FeatureFrame;
import java.util.List;
import java.util.Map;

/**
 * What the engine made of one recorded call.
 *
 * @param callId the call id the events carry
 * @param audio the analysed audio
 * @param events alert events in decision order
 * @param featuresByLeg every analysis frame's features per leg, in time order; empty when not
 *     recorded
 */
public record CallAnalysis(
    String callId,
    CallAudio audio,
    List<AlertEvent> events,
    Map<Leg, List<FeatureFrame>> featuresByLeg) {

  public CallAnalysis {
    events = List.copyOf(events);
    featuresByLeg = Map.copyOf(featuresByLeg);
  }

  public boolean hasFeatures() {
    return !featuresByLeg.isEmpty();
  }

  /** The features of one leg, empty when the leg is absent or features were not recorded. */
  public List<FeatureFrame> features(Leg leg) {
    return featuresByLeg.getOrDefault(leg, List.of());
  }
}
