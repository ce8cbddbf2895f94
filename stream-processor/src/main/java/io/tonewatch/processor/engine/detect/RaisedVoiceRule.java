package io.tonewatch.processor.engine.detect;

/**
 * Thresholds of the raised-voice decision. The arousal score is twice the geometric mean of the
 * pitch rise in units of {@code pitchUnitSt} and the tilt rise in units of {@code tiltUnitDb}, so
 * it reaches 2.0 when both rise by one unit. Defaults were tuned on the development calls
 * (docs/EVALUATION.md).
 *
 * @param pitchUnitSt semitones above the baseline worth one score unit
 * @param tiltUnitDb dB of flatter tilt worth one score unit
 * @param coldTiltUnitDb the same while the speaker's pitch baseline is still unknown (stricter)
 * @param hammarbergSlackDb how far the tilt rise may exceed the fall of the Hammarberg index and
 *     still count in full: beyond it, flatter tilt without stronger upper formant peaks is not
 *     effort
 * @param openScore score at or above which the leg counts as raised, once the turn has many voiced
 *     frames
 * @param earlyPenalty added to openScore divided by the turn's voiced frames so far: early in a
 *     turn, with few frames to judge by, only a clearly raised voice opens an episode
 * @param openFrames consecutive raised speech frames (20 ms) before an episode opens
 * @param closeScore score below which a speech frame counts as calm again
 * @param closeFrames calm speech frames before an open episode closes
 * @param silenceCloseFrames frames without speech after which an open episode closes anyway
 * @param windowVoicedFrames voiced frames the pitch and tilt deltas are measured over
 * @param minVoicedFrames voiced frames the window needs before any score is computed
 * @param shoutingScore score at or above which the severity is shouting
 * @param turnGapFrames frames without speech that end a turn; each turn is judged on its own voiced
 *     frames, so a raised turn is not diluted by the calm one before it (0 = never)
 */
public record RaisedVoiceRule(
    double pitchUnitSt,
    double tiltUnitDb,
    double coldTiltUnitDb,
    double hammarbergSlackDb,
    double openScore,
    double earlyPenalty,
    int openFrames,
    double closeScore,
    int closeFrames,
    int silenceCloseFrames,
    int windowVoicedFrames,
    int minVoicedFrames,
    double shoutingScore,
    int turnGapFrames) {

  public static RaisedVoiceRule defaults() {
    return new RaisedVoiceRule(6.0, 6.0, 5.0, 4.0, 1.2, 12.0, 5, 0.5, 40, 400, 30, 8, 2.6, 20);
  }

  public RaisedVoiceRule {
    positive("pitchUnitSt", pitchUnitSt);
    positive("tiltUnitDb", tiltUnitDb);
    positive("coldTiltUnitDb", coldTiltUnitDb);
    if (!(hammarbergSlackDb >= 0)) {
      throw new IllegalArgumentException(
          "hammarbergSlackDb must be >= 0, was " + hammarbergSlackDb);
    }
    positive("openScore", openScore);
    if (earlyPenalty < 0) {
      throw new IllegalArgumentException("earlyPenalty must be >= 0, was " + earlyPenalty);
    }
    positive("openFrames", openFrames);
    if (!(closeScore < openScore)) {
      throw new IllegalArgumentException(
          "closeScore must be below openScore for hysteresis, was " + closeScore);
    }
    positive("closeFrames", closeFrames);
    positive("silenceCloseFrames", silenceCloseFrames);
    positive("windowVoicedFrames", windowVoicedFrames);
    positive("minVoicedFrames", minVoicedFrames);
    if (minVoicedFrames > windowVoicedFrames) {
      throw new IllegalArgumentException("minVoicedFrames must not exceed windowVoicedFrames");
    }
    if (turnGapFrames < 0) {
      throw new IllegalArgumentException("turnGapFrames must be >= 0, was " + turnGapFrames);
    }
    if (!(shoutingScore > openScore)) {
      throw new IllegalArgumentException("shoutingScore must exceed openScore");
    }
  }

  private static void positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
