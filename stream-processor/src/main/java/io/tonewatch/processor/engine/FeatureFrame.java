package io.tonewatch.processor.engine;

/**
 * The features of one 20 ms analysis frame of one leg.
 *
 * @param timeS centre of the frame, in seconds from the start of the leg
 * @param f0Hz fundamental frequency, 0 when unvoiced
 * @param levelDbfs RMS level of the frame in dB relative to a full-scale sine... see {@code
 *     LevelMeter}
 * @param tiltDb spectral tilt inside 300-3400 Hz: energy above 1 kHz minus energy below, in dB
 * @param hammarbergDb Hammarberg index inside the band: strongest bin under 2 kHz over the
 *     strongest above, in dB
 * @param speech true when voice activity detection calls the frame speech
 * @param concealed true when the frame was concealed loss (and so ignored by the detector)
 * @param score the leg's arousal score after this frame (the learned model's log-odds, or the
 *     hand-set rule's score where no model is given)
 * @param raised true while a raised-voice episode of this leg is open
 * @param modelInputs the learned score's inputs after this frame, by {@code ModelInput} ordinal
 *     (empty when not known)
 */
public record FeatureFrame(
    double timeS,
    double f0Hz,
    double levelDbfs,
    double tiltDb,
    double hammarbergDb,
    boolean speech,
    boolean concealed,
    double score,
    boolean raised,
    double[] modelInputs) {

  /** A frame whose model inputs are not known. */
  public FeatureFrame(
      double timeS,
      double f0Hz,
      double levelDbfs,
      double tiltDb,
      double hammarbergDb,
      boolean speech,
      boolean concealed,
      double score,
      boolean raised) {
    this(
        timeS,
        f0Hz,
        levelDbfs,
        tiltDb,
        hammarbergDb,
        speech,
        concealed,
        score,
        raised,
        new double[0]);
  }
}
