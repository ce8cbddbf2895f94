package io.tonewatch.processor.engine;

import io.tonewatch.processor.engine.detect.RaisedVoiceRule;
import java.util.Objects;

/**
 * Deployment switches of the engine.
 *
 * @param agentAlerts whether the agent leg may raise per-leg alerts (some deployments must not: the
 *     agent leg still informs call-level kinds, which report acoustic facts about the call)
 * @param raisedVoiceRule thresholds of the raised-voice decision
 */
public record DetectorSettings(boolean agentAlerts, RaisedVoiceRule raisedVoiceRule) {
  public DetectorSettings {
    Objects.requireNonNull(raisedVoiceRule, "raisedVoiceRule");
  }

  public static DetectorSettings defaults() {
    return new DetectorSettings(true, RaisedVoiceRule.defaults());
  }
}
