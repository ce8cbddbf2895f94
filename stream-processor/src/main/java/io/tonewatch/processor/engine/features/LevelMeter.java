package io.tonewatch.processor.engine.features;

/**
 * Level of a block of samples in dBFS, computed directly (TarsosDSP 2.4's SPL helper reads
 * 10·log10(N) dB too low). Full scale is the RMS of a full-scale sine, as in AES17: a sine peaking
 * at ±1.0 reads 0 dBFS, a full-scale square wave +3.01 dBFS.
 */
public final class LevelMeter {
  /** Returned for digital silence, so that callers never see -Infinity. */
  public static final double SILENCE_DBFS = -120.0;

  /** 10·log10(2): lifts the mean square of a full-scale sine (0.5) to 0 dB. */
  private static final double SINE_REFERENCE_DB = 3.0102999566398120;

  private LevelMeter() {}

  /** Level of {@code length} samples (nominal range ±1.0) starting at {@code offset}. */
  public static double dbfs(float[] samples, int offset, int length) {
    double sumSquares = 0;
    for (int i = offset; i < offset + length; i++) {
      sumSquares += (double) samples[i] * samples[i];
    }
    return dbfsOfMeanSquare(sumSquares / length);
  }

  /** Level from a mean square (nominal range ±1.0), floored at {@link #SILENCE_DBFS}. */
  public static double dbfsOfMeanSquare(double meanSquare) {
    if (meanSquare <= 0) {
      return SILENCE_DBFS;
    }
    return Math.max(SILENCE_DBFS, 10.0 * Math.log10(meanSquare) + SINE_REFERENCE_DB);
  }
}
