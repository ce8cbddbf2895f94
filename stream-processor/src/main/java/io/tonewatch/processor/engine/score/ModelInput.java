package io.tonewatch.processor.engine.score;

/**
 * One named input of the learned score: a cue of the current turn measured against the speaker's
 * own baseline. Each is clipped to a range that real voices stay inside, so one wild frame (a
 * harmonic the tracker locked onto, a click) cannot carry a linear score. The names are the keys of
 * the model file and the column names of the fitting script.
 */
public enum ModelInput {
  /** Median pitch of the turn's voiced frames above the speaker's reference, semitones. */
  PITCH_ST("pitch_st", -8, 19),
  /** How far that median rise exceeds 4 semitones (calm turn onsets reach about +4), semitones. */
  PITCH_RISE_OVER_4_ST("pitch_rise_over_4_st", 0, 15),
  /**
   * How far the median level of the turn's voiced frames exceeds the speaker's calm level by more
   * than 3 dB. Only a rise counts: where the line or the recording evens levels out (strong AGC),
   * anger can read quieter than calm, and that must not count against it.
   */
  LEVEL_RISE_OVER_3_DB("level_rise_over_3_db", 0, 25),
  /** How far the 90th percentile of the turn's level exceeds the calm level by more than 6 dB. */
  LEVEL_P90_RISE_OVER_6_DB("level_p90_rise_over_6_db", 0, 25),
  /**
   * Standard deviation of the level of the turn's voiced frames, dB: how hard the syllables are
   * stressed against each other. A spread, so line gain and AGC that levels whole utterances leave
   * it alone, and it needs no baseline.
   */
  LEVEL_SD_DB("level_sd_db", 0, 15),
  /** Median spectral tilt flatter than the speaker's reference, dB. */
  TILT_DB("tilt_db", -15, 20),
  /** How far the median Hammarberg index fell below the speaker's reference, dB. */
  HAMMARBERG_DROP_DB("hammarberg_drop_db", -15, 20),
  /**
   * Pitch and vocal effort rising together: twice the geometric mean of the pitch rise over 6
   * semitones and the tilt rise, as far as the Hammarberg index confirms it, over 6 dB (the
   * hand-set rule's score; 0 while cold). High but relaxed, or flat but low, gives little.
   */
  PITCH_EFFORT("pitch_effort", 0, 6),
  /** 1 while the speaker's pitch reference is not learned yet (cold start), else 0. */
  COLD("cold", 0, 1),
  /** The tilt input while cold (against the population prior), 0 once warm. */
  COLD_TILT_DB("cold_tilt_db", -15, 20),
  /** The Hammarberg input while cold, 0 once warm. */
  COLD_HAMMARBERG_DROP_DB("cold_hammarberg_drop_db", -15, 20);

  private final String key;
  private final double min;
  private final double max;

  ModelInput(String key, double min, double max) {
    this.key = key;
    this.min = min;
    this.max = max;
  }

  /** The input's name in the model file and in the fitting script's features. */
  public String key() {
    return key;
  }

  /** The value clipped to this input's range; 0 for a value that is not a number. */
  public double clip(double value) {
    return Double.isNaN(value) ? 0 : Math.max(min, Math.min(max, value));
  }
}
