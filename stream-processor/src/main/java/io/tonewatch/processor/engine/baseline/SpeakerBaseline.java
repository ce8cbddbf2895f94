package io.tonewatch.processor.engine.baseline;

/**
 * One speaker's reference pitch, tilt and level, learned from that leg's own calm-looking voiced
 * speech. Pitch and tilt are ratios, so line gain cannot move them; level is kept on a short memory
 * so that an AGC step is absorbed within seconds.
 *
 * <p>Cold start: until {@link #MIN_VOICED_FRAMES} calm voiced frames are in, there is no pitch
 * reference, and the tilt reference leans on a population prior (voiced telephone speech at
 * conversational effort, measured on the development calls) that the speaker's own frames gradually
 * outweigh. Frames whose tilt already looks raised against the prior are never learned, so a call
 * that is angry from its first words does not teach the baseline that anger is normal. Only summary
 * statistics of the current call are held: no voiceprint, nothing kept after the call.
 */
public final class SpeakerBaseline {
  /** Calm voiced frames (20 ms each) before the pitch reference is used: one calm sentence. */
  public static final int MIN_VOICED_FRAMES = 12;

  /** Population prior for the voiced-frame tilt of calm telephone speech, in dB. */
  public static final double PRIOR_TILT_DB = -12.0;

  /**
   * Population prior for the voiced-frame Hammarberg index of calm telephone speech, in dB: 21.5 to
   * 24.4 for the five development speakers, whose anger reads 13.8 to 16.6.
   */
  public static final double PRIOR_HAMMARBERG_DB = 23.0;

  /** Weight of the prior, in frames of the speaker's own evidence. */
  private static final double PRIOR_WEIGHT_FRAMES = 60;

  /** About 30 s of voiced speech. */
  private static final int MEMORY_FRAMES = 1500;

  /** About 10 s of speech for level, so line gain steps wash out quickly. */
  private static final int LEVEL_MEMORY_FRAMES = 500;

  /** Order statistics are refreshed this often (in learned frames), not on every frame. */
  private static final int REFRESH_FRAMES = 25;

  private final FloatRing pitchSt = new FloatRing(MEMORY_FRAMES);
  private final FloatRing tiltDb = new FloatRing(MEMORY_FRAMES);
  private final FloatRing hammarbergDb = new FloatRing(MEMORY_FRAMES);
  private final FloatRing levelDbfs = new FloatRing(LEVEL_MEMORY_FRAMES);
  private int sinceRefresh;
  private int levelSinceRefresh;
  private double pitchReferenceSt = Double.NaN;
  private double tiltReferenceDb = PRIOR_TILT_DB;
  private double hammarbergReferenceDb = PRIOR_HAMMARBERG_DB;
  private double levelReferenceDbfs = Double.NaN;

  /** Learns one calm voiced frame. */
  public void learnVoiced(double f0St, double frameTiltDb, double frameHammarbergDb) {
    pitchSt.add((float) f0St);
    tiltDb.add((float) frameTiltDb);
    hammarbergDb.add((float) frameHammarbergDb);
    if (++sinceRefresh >= REFRESH_FRAMES || pitchSt.size() == MIN_VOICED_FRAMES) {
      refresh();
    }
  }

  /** Learns the level of one calm speech frame. */
  public void learnLevel(double frameLevelDbfs) {
    levelDbfs.add((float) frameLevelDbfs);
    if (++levelSinceRefresh >= REFRESH_FRAMES || levelDbfs.size() < REFRESH_FRAMES) {
      levelSinceRefresh = 0;
      levelReferenceDbfs = levelDbfs.median();
    }
  }

  private void refresh() {
    sinceRefresh = 0;
    int n = pitchSt.size();
    pitchReferenceSt = n >= MIN_VOICED_FRAMES ? pitchSt.median() : Double.NaN;
    tiltReferenceDb = withPrior(n, tiltDb.median(), PRIOR_TILT_DB);
    hammarbergReferenceDb = withPrior(n, hammarbergDb.median(), PRIOR_HAMMARBERG_DB);
  }

  private static double withPrior(int frames, double ownMedian, double prior) {
    return (frames * ownMedian + PRIOR_WEIGHT_FRAMES * prior) / (frames + PRIOR_WEIGHT_FRAMES);
  }

  /** True once the pitch reference is learned. */
  public boolean warm() {
    return !Double.isNaN(pitchReferenceSt);
  }

  /** Reference pitch in semitones re 1 Hz, NaN while cold. */
  public double pitchReferenceSt() {
    return pitchReferenceSt;
  }

  public double tiltReferenceDb() {
    return tiltReferenceDb;
  }

  public double hammarbergReferenceDb() {
    return hammarbergReferenceDb;
  }

  /** Reference speech level, NaN before any speech. */
  public double levelReferenceDbfs() {
    return levelReferenceDbfs;
  }
}
