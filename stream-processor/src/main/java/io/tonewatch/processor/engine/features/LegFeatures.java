package io.tonewatch.processor.engine.features;

/**
 * The features of one analysis frame of one leg. Mutable and reused frame after frame by {@link
 * LegFeatureExtractor}, so that steady-state analysis allocates nothing; copy what you keep. Owned
 * by the thread that feeds the leg.
 */
public final class LegFeatures {
  /** Centre of the analysis window, in seconds from the start of the leg. */
  public double timeS;

  /** Fundamental frequency, 0 when unvoiced. */
  public double f0Hz;

  public double levelDbfs;

  /** The leg's noise floor as the voice activity tracks it when the frame was measured, dBFS. */
  public double noiseFloorDbfs = LevelMeter.SILENCE_DBFS;

  public double tiltDb;

  /** Hammarberg index inside the band (strongest bin under 2 kHz over the strongest above), dB. */
  public double hammarbergDb;

  public boolean speech;
  public boolean concealed;

  /** True when the frame is clipped (many samples at full scale): its level and tilt lie. */
  public boolean clipped;

  /** Normalised periodicity (0-1) at the reported period for voiced frames, 0 otherwise. */
  public float voicingConfidence;

  public boolean voiced() {
    return f0Hz > 0;
  }

  /**
   * The frame's level with the noise floor's power taken out: the speech's own level, so that on a
   * noisy line the quiet syllables are not lifted to the floor, which would flatten the loudness
   * contour. At most 10 dB is taken off, where the frame barely stands above the floor.
   */
  public double speechLevelDbfs() {
    double noiseShare = Math.pow(10, (noiseFloorDbfs - levelDbfs) / 10);
    return levelDbfs + 10 * Math.log10(Math.max(1 - noiseShare, MIN_SPEECH_SHARE));
  }

  private static final double MIN_SPEECH_SHARE = 0.1;
}
