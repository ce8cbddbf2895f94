package io.tonewatch.events;

/**
 * The feature deltas that drove a decision, relative to the speaker's own baseline.
 *
 * @param f0DeltaSemitones median voiced pitch above the baseline, in semitones
 * @param levelDeltaDb speech level above the baseline, in dB
 * @param tiltDeltaDb spectral tilt flatter than the baseline, in dB (positive = more high-band
 *     energy)
 * @param hammarbergDropDb how far the Hammarberg index (strongest bin under 2 kHz over the
 *     strongest above) fell below the baseline, in dB (positive = stronger upper formants, more
 *     effort)
 * @param voicedSeconds voiced speech inside the decision window, in seconds
 * @param score the arousal score the hysteresis acted on (dimensionless; the default rule opens an
 *     episode at 1.2 or more, higher early in a turn)
 * @param overlapSeconds for overtalk, seconds both legs spoke at once; 0 otherwise
 */
public record Evidence(
    double f0DeltaSemitones,
    double levelDeltaDb,
    double tiltDeltaDb,
    double hammarbergDropDb,
    double voicedSeconds,
    double score,
    double overlapSeconds) {

  public static final Evidence NONE = new Evidence(0, 0, 0, 0, 0, 0, 0);

  public Evidence {
    requireFinite("f0DeltaSemitones", f0DeltaSemitones);
    requireFinite("levelDeltaDb", levelDeltaDb);
    requireFinite("tiltDeltaDb", tiltDeltaDb);
    requireFinite("hammarbergDropDb", hammarbergDropDb);
    requireFinite("voicedSeconds", voicedSeconds);
    requireFinite("score", score);
    requireFinite("overlapSeconds", overlapSeconds);
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }
}
