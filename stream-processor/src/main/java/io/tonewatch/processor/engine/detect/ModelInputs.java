package io.tonewatch.processor.engine.detect;

import static io.tonewatch.processor.engine.score.ModelInput.COLD;
import static io.tonewatch.processor.engine.score.ModelInput.COLD_HAMMARBERG_DROP_DB;
import static io.tonewatch.processor.engine.score.ModelInput.COLD_TILT_DB;
import static io.tonewatch.processor.engine.score.ModelInput.HAMMARBERG_DROP_DB;
import static io.tonewatch.processor.engine.score.ModelInput.LEVEL_P90_RISE_OVER_6_DB;
import static io.tonewatch.processor.engine.score.ModelInput.LEVEL_RISE_OVER_3_DB;
import static io.tonewatch.processor.engine.score.ModelInput.LEVEL_SD_DB;
import static io.tonewatch.processor.engine.score.ModelInput.PITCH_EFFORT;
import static io.tonewatch.processor.engine.score.ModelInput.PITCH_RISE_OVER_4_ST;
import static io.tonewatch.processor.engine.score.ModelInput.PITCH_ST;
import static io.tonewatch.processor.engine.score.ModelInput.TILT_DB;

import io.tonewatch.processor.engine.baseline.SpeakerBaseline;
import io.tonewatch.processor.engine.score.ModelInput;

/**
 * The learned score's inputs for the current turn: each cue of the {@link EffortWindow} against the
 * leg's {@link SpeakerBaseline}, clipped. While the pitch reference is cold, the pitch inputs are 0
 * and tilt and Hammarberg index (against population priors) feed their own cold inputs, so the
 * model weighs cold evidence apart. Level needs no warm pitch reference, only some calm speech;
 * without any it is 0. Reused frame after frame: nothing is allocated. Not thread-safe.
 */
final class ModelInputs {
  private final double[] values = new double[ModelInput.values().length];

  /**
   * Recomputes every input from the window and the baseline; {@code pitchDeltaSt} is the turn's
   * pitch against the reference as far as it is believed, {@code pitchEffort} the hand-set rule's
   * score of the same window.
   */
  void update(
      EffortWindow window, SpeakerBaseline baseline, double pitchDeltaSt, double pitchEffort) {
    boolean warm = baseline.warm();
    double levelRef = baseline.levelReferenceDbfs();
    double tilt = window.medianTiltDb() - baseline.tiltReferenceDb();
    double drop = baseline.hammarbergReferenceDb() - window.medianHammarbergDb();
    double pitch = warm ? pitchDeltaSt : 0;
    set(PITCH_ST, pitch);
    set(PITCH_RISE_OVER_4_ST, pitch - 4);
    set(LEVEL_RISE_OVER_3_DB, window.medianLevelDbfs() - levelRef - 3);
    set(LEVEL_P90_RISE_OVER_6_DB, window.levelQuantileDbfs(0.9) - levelRef - 6);
    set(LEVEL_SD_DB, window.levelSdDb());
    set(TILT_DB, warm ? tilt : 0);
    set(HAMMARBERG_DROP_DB, warm ? drop : 0);
    set(PITCH_EFFORT, warm ? pitchEffort : 0);
    set(COLD, warm ? 0 : 1);
    set(COLD_TILT_DB, warm ? 0 : tilt);
    set(COLD_HAMMARBERG_DROP_DB, warm ? 0 : drop);
  }

  /** Zeroes every input (no evidence yet). */
  void clear() {
    java.util.Arrays.fill(values, 0);
  }

  private void set(ModelInput input, double value) {
    values[input.ordinal()] = input.clip(value);
  }

  /** The inputs by {@link ModelInput} ordinal; the array is reused, copy it to keep it. */
  double[] values() {
    return values;
  }

  double get(ModelInput input) {
    return values[input.ordinal()];
  }
}
