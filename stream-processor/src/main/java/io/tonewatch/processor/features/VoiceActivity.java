package io.tonewatch.processor.features;

/**
 * Energy-based voice activity against an adaptive noise floor. The floor follows quiet frames down
 * quickly and creeps up slowly, so it settles on the line's background whatever the gain, and a
 * speaker's own level cannot drag it up during a long turn. Not thread-safe: one per leg.
 */
public final class VoiceActivity {
  /** Speech must stand this far above the noise floor. */
  public static final double MARGIN_DB = 12.0;

  /** Nothing below this is speech, whatever the floor (digital silence, far-end leakage). */
  public static final double ABSOLUTE_FLOOR_DBFS = -62.0;

  private static final double RISE_DB_PER_FRAME = 0.01;
  private static final double FALL_SHARE = 0.3;
  private static final double INITIAL_FLOOR_DBFS = -70.0;

  private double noiseFloorDbfs = INITIAL_FLOOR_DBFS;

  /** Updates the floor with a frame's level and says whether the frame is speech. */
  public boolean isSpeech(double levelDbfs) {
    if (levelDbfs < noiseFloorDbfs) {
      noiseFloorDbfs += (levelDbfs - noiseFloorDbfs) * FALL_SHARE;
    } else {
      noiseFloorDbfs += RISE_DB_PER_FRAME;
    }
    return levelDbfs > ABSOLUTE_FLOOR_DBFS && levelDbfs > noiseFloorDbfs + MARGIN_DB;
  }

  public double noiseFloorDbfs() {
    return noiseFloorDbfs;
  }
}
