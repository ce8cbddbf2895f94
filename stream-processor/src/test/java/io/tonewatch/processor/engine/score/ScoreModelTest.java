package io.tonewatch.processor.engine.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading, validating and applying model files. */
class ScoreModelTest {
  static String file(double pitchWeight, double levelWeight) {
    StringBuilder sb = new StringBuilder("# a comment\nversion=test-model\nbias=-3\n");
    for (ModelInput input : ModelInput.values()) {
      double w =
          input == ModelInput.PITCH_ST
              ? pitchWeight
              : input == ModelInput.LEVEL_RISE_OVER_3_DB ? levelWeight : 0;
      sb.append("weight.").append(input.key()).append('=').append(w).append('\n');
    }
    return sb.append("open.logit=1\nclose.logit=-1\nearly.penalty=8\nshouting.logit=4\n")
        .toString();
  }

  static ScoreModel read(String text) {
    return ScoreModel.parse(text, "test.properties");
  }

  @Test
  void theScoreIsTheBiasPlusTheWeightedInputs() {
    ScoreModel model = read(file(0.5, 0.25));
    double[] inputs = new double[ModelInput.values().length];
    inputs[ModelInput.PITCH_ST.ordinal()] = 6;
    inputs[ModelInput.LEVEL_RISE_OVER_3_DB.ordinal()] = 4;
    assertEquals(-3 + 3 + 1, model.logit(inputs), 1e-12);
    assertEquals("test-model", model.version());
  }

  @Test
  void aMissingOrNonNumericWeightIsNamedWithItsValue() {
    String noLevel = file(0.5, 0.25).replaceAll("weight.level_rise_over_3_db=.*\n", "");
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> read(noLevel));
    assertEquals(
        "test.properties: weight.level_rise_over_3_db=null is not a number", missing.getMessage());
    String words = file(0.5, 0.25).replace("bias=-3", "bias=high");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> read(words));
    assertEquals("test.properties: bias=high is not a number", bad.getMessage());
  }

  @Test
  void thresholdsWithoutHysteresisAreRefused() {
    String noHysteresis = file(0.5, 0.25).replace("close.logit=-1", "close.logit=2");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> read(noHysteresis));
    assertTrue(e.getMessage().startsWith("test.properties: need closeLogit < openLogit"));
  }

  @Test
  void theBundledModelHasAWeightForEveryInputAndHysteresis() {
    ScoreModel model = ScoreModel.bundled();
    assertEquals(ModelInput.values().length, model.weights().length);
    assertTrue(model.closeLogit() < model.openLogit());
    assertTrue(model.version().startsWith("rv-logit"));
  }

  @Test
  void inputsAreClippedAndNotANumberCountsAsNoEvidence() {
    assertEquals(19, ModelInput.PITCH_ST.clip(31));
    assertEquals(0, ModelInput.PITCH_ST.clip(Double.NaN));
    assertEquals(0, ModelInput.LEVEL_RISE_OVER_3_DB.clip(-9), "a level fall is no evidence");
    assertEquals(5, ModelInput.LEVEL_RISE_OVER_3_DB.clip(5));
  }
}
