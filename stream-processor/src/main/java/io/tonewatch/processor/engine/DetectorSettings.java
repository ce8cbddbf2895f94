package io.tonewatch.processor.engine;

import io.tonewatch.processor.engine.detect.RaisedVoiceRule;
import io.tonewatch.processor.engine.score.ScoreModel;
import java.util.Objects;

/**
 * Deployment switches of the engine.
 *
 * @param agentAlerts whether the agent leg may raise per-leg alerts (some deployments must not: the
 *     agent leg still informs call-level kinds, which report acoustic facts about the call)
 * @param raisedVoiceRule frame counts and windows of the raised-voice decision, and its hand-set
 *     score where no model is given
 * @param scoreModel the learned score and its thresholds, or null to decide by the hand-set rule
 */
public record DetectorSettings(
    boolean agentAlerts, RaisedVoiceRule raisedVoiceRule, ScoreModel scoreModel) {
  public DetectorSettings {
    Objects.requireNonNull(raisedVoiceRule, "raisedVoiceRule");
  }

  /** Settings that decide by the hand-set rule. */
  public DetectorSettings(boolean agentAlerts, RaisedVoiceRule raisedVoiceRule) {
    this(agentAlerts, raisedVoiceRule, null);
  }

  /** The default: the hand-set rule, until the learned score wins on held-out speakers. */
  public static DetectorSettings defaults() {
    return new DetectorSettings(true, RaisedVoiceRule.defaults());
  }

  /** The same settings deciding by {@code model} (null: the hand-set rule). */
  public DetectorSettings withScoreModel(ScoreModel model) {
    return new DetectorSettings(agentAlerts, raisedVoiceRule, model);
  }
}
