package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param score the score the hysteresis acted on (dimensionless): the learned model's log-odds of a
 *     raised voice where one decides, else the hand-set rule's score (which opens at 1.2 or more)
 * @param overlapSeconds for overtalk, seconds both legs spoke at once; 0 otherwise
 * @param scoreInputs the learned score's inputs by name (e.g. {@code pitch_st}, {@code
 *     level_rise_over_3_db}), in the model's order; empty when no learned score decided
 */
public record Evidence(
    double f0DeltaSemitones,
    double levelDeltaDb,
    double tiltDeltaDb,
    double hammarbergDropDb,
    double voicedSeconds,
    double score,
    double overlapSeconds,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> scoreInputs) {

  public static final Evidence NONE = new Evidence(0, 0, 0, 0, 0, 0, 0);

  /** Evidence without named score inputs. */
  public Evidence(
      double f0DeltaSemitones,
      double levelDeltaDb,
      double tiltDeltaDb,
      double hammarbergDropDb,
      double voicedSeconds,
      double score,
      double overlapSeconds) {
    this(
        f0DeltaSemitones,
        levelDeltaDb,
        tiltDeltaDb,
        hammarbergDropDb,
        voicedSeconds,
        score,
        overlapSeconds,
        Map.of());
  }

  public Evidence {
    scoreInputs =
        scoreInputs == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(scoreInputs));
    scoreInputs.forEach((name, value) -> requireFinite(name, value));
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
