package io.tonewatch.app;

import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.engine.score.ScoreModel;
import picocli.CommandLine.Option;

/** {@code --decision}: which raised-voice decision the offline commands run. */
final class DecisionOption {

  enum Decision {
    RULES,
    LEARNED
  }

  @Option(
      names = "--decision",
      paramLabel = "DECISION",
      description =
          "rules (default): the hand-set raised-voice rule; learned: the logistic score fitted on"
              + " the development speakers (docs/EVALUATION.md compares them on held-out"
              + " speakers).")
  Decision decision = Decision.RULES;

  DetectorSettings settings() {
    DetectorSettings defaults = DetectorSettings.defaults();
    return decision == Decision.LEARNED ? defaults.withScoreModel(ScoreModel.bundled()) : defaults;
  }
}
