package io.tonewatch.processor.engine.features;

/**
 * F0 of one leg: time-domain YIN (de Cheveigné and Kawahara, 2002; {@link YinProposer}) proposes a
 * period, and a streaming path search decides the octave and the voicing.
 *
 * <p>Why YIN: on a 256-sample window it reaches down to 62.5 Hz (MPM stops at 80 Hz, too high for
 * low male voices), it allocates nothing per call (FastYin 2.4 allocates a buffer per call and
 * rejects exactly periodic input), and it is cheap enough when run only on frames with speech
 * activity.
 *
 * <p>Why it needs help on a telephone line: the 300 Hz high-pass removes the fundamental of most
 * voices, so the second or third harmonic dominates and YIN's first dip under its threshold often
 * sits at half or a third of the period (octave-up errors), or at a whole multiple in creaky or
 * irregular voice (octave-down errors). Neither can be settled within one 32 ms frame. So:
 *
 * <ol>
 *   <li>YIN runs with a lenient threshold, so that it proposes a lag on nearly every voiced frame;
 *   <li>the lags harmonically related to YIN's (a quarter to four times it) and the candidates of
 *       the previous frame are each moved to the nearest peak of the normalised autocorrelation
 *       ({@link PeriodicityMeter}), which scores all lags on one scale;
 *   <li>{@link PitchPath} picks the candidate on the best path through the frames so far, paying
 *       for octave jumps between frames (so a gradual glide is followed and an isolated octave is
 *       not) and for voicing switches; a candidate must also beat a periodicity of 0.6 to count as
 *       voiced (Praat's own threshold is 0.45 on a windowed measure that reads lower);
 *   <li>a frame whose best path beats the best path to another pitch by less than a margin is
 *       octave-ambiguous and reported unvoiced: a missing frame costs the detector little, a wrong
 *       octave looks like a raised voice. The near-tie of a clearly periodic signal with twice its
 *       period is expected and does not count.
 * </ol>
 *
 * <p>Against Praat on telephonised EmoDB (eval/pitch-vs-praat.sh), this agrees within 20 % on about
 * 98 % of frames both call voiced; YIN alone with the usual 0.2 threshold agreed on 85 % and found
 * only two thirds of the voiced frames. Not thread-safe: one instance per leg; allocates nothing
 * per call.
 */
public final class PitchTracker {
  public static final double MIN_F0_HZ = 65.0;
  public static final double MAX_F0_HZ = 600.0;

  /** Lenient on purpose: YIN only proposes; the path search and periodicity decide. */
  private static final double YIN_THRESHOLD = 0.5;

  /** Multiples of YIN's lag examined as candidates: sub- and super-harmonic periods. */
  private static final double[] PERIOD_MULTIPLES = {
    1 / 4.0, 1 / 3.0, 1 / 2.0, 2 / 3.0, 1, 3 / 2.0, 2, 5 / 2.0, 3, 4
  };

  /** Periodicity (normalised autocorrelation) a candidate must beat to count as voiced. */
  private static final double VOICING_THRESHOLD = 0.6;

  /**
   * Bonus per octave of shorter period: a signal periodic at a lag is nearly as periodic at twice
   * it, so near-ties go to the higher pitch, as in Praat's octave cost.
   */
  private static final double OCTAVE_BONUS = 0.01;

  private static final double JUMP_COST_PER_OCTAVE = 0.2;
  private static final double VOICING_SWITCH_COST = 0.1;

  /** Frames whose best path beats another octave's by less than this are reported unvoiced. */
  private static final double AMBIGUITY_MARGIN = 0.15;

  /** Pitches closer than this in octaves (about 20 %) are the same pitch for the margin. */
  private static final double SAME_PITCH_OCTAVES = 0.26;

  /** Relative tolerance for a lag to count as a whole multiple of another. */
  private static final double MULTIPLE_TOLERANCE = 0.03;

  /**
   * Above this periodicity the chosen period is clear enough that a whole multiple scoring no
   * better is no rival (the near-tie every exactly periodic signal has). Below it, in real speech,
   * a multiple that nearly ties is often the true period with weak odd harmonics.
   */
  private static final double CLEAR_PERIODICITY = 0.9;

  /** Closer candidate peaks than this are one peak. */
  private static final double SAME_PEAK_SAMPLES = 0.5;

  /**
   * At most half of a frame's energy is taken for noise: on frames nearer the floor the guess of
   * the noise is too rough to scale by more than two.
   */
  public static final double MAX_NOISE_SHARE = 0.5;

  private final double sampleRateHz;
  private final int maxLagSamples;
  private final YinProposer yin;
  private final PeriodicityMeter meter;
  private final PitchPath path =
      new PitchPath(VOICING_THRESHOLD, VOICING_SWITCH_COST, JUMP_COST_PER_OCTAVE);

  private final double[] candidateLag = new double[PitchPath.MAX_CANDIDATES];
  private final double[] candidatePeriodicity = new double[PitchPath.MAX_CANDIDATES];
  private final double[] candidateScore = new double[PitchPath.MAX_CANDIDATES];
  private float lastProbability;
  private double gain = 1;

  public PitchTracker(double sampleRateHz, int windowSize) {
    this.sampleRateHz = sampleRateHz;
    int minLagSamples = (int) Math.floor(sampleRateHz / MAX_F0_HZ);
    this.maxLagSamples = Math.min((int) Math.floor(sampleRateHz / MIN_F0_HZ), windowSize / 2 - 1);
    this.yin = new YinProposer(windowSize, YIN_THRESHOLD);
    this.meter = new PeriodicityMeter(windowSize, minLagSamples, maxLagSamples);
  }

  /**
   * F0 of the {@code windowSize} samples in {@code window} (which must hold exactly that many), or
   * 0 when unvoiced, octave-ambiguous or outside {@link #MIN_F0_HZ}-{@link #MAX_F0_HZ}. Call it on
   * consecutive frames of one leg, and {@link #noteUnvoiced()} for frames skipped in between.
   */
  public double f0Hz(float[] window) {
    return f0Hz(window, 0);
  }

  /**
   * As {@link #f0Hz(float[])} on a frame of which {@code noiseShare} (0 to {@link
   * #MAX_NOISE_SHARE}) of the energy is the line's noise. Noise that does not repeat at the period
   * adds to the energies the periodicity is divided by but not to the correlation, so a voiced
   * frame at 5 dB SNR reads about 0.7 where it would read 0.95 clean, and the voicing threshold
   * loses it. Dividing by the signal's share gives back the clean scale: the voicing decision then
   * holds on noisy lines, and a frame of noise alone, whose correlation is small at every lag,
   * still stays under the threshold.
   */
  public double f0Hz(float[] window, double noiseShare) {
    gain = 1 / (1 - Math.max(0, Math.min(MAX_NOISE_SHARE, noiseShare)));
    meter.load(window);
    int n = 0;
    double yinLagSamples = yin.lagSamples(window);
    if (yinLagSamples > 0) {
      for (double multiple : PERIOD_MULTIPLES) {
        n = addCandidate(yinLagSamples * multiple, n);
      }
    }
    for (int j = 0; j < path.previousCount(); j++) {
      n = addCandidate(path.previousLagSamples(j), n);
    }
    for (int i = 0; i < n; i++) {
      candidateScore[i] =
          candidatePeriodicity[i] + OCTAVE_BONUS * log2(maxLagSamples / candidateLag[i]);
    }
    int chosen = path.step(candidateLag, candidateScore, n);
    lastProbability = 0;
    if (chosen < 0 || isOctaveAmbiguous(chosen, n)) {
      return 0;
    }
    double f0 = sampleRateHz / candidateLag[chosen];
    if (f0 < MIN_F0_HZ || f0 > MAX_F0_HZ) {
      return 0;
    }
    lastProbability = (float) candidatePeriodicity[chosen];
    return f0;
  }

  /**
   * Periodicity (normalised autocorrelation, 0-1) at the period of the last estimate, 0 when it was
   * unvoiced.
   */
  public float lastProbability() {
    return lastProbability;
  }

  /** Tells the tracker a frame was skipped (silence, lost audio): the path starts afresh. */
  public void noteUnvoiced() {
    path.reset();
    lastProbability = 0;
  }

  /**
   * Moves {@code startLagSamples} to its autocorrelation peak and keeps it unless it duplicates a
   * candidate; when the list is full the weakest candidate gives way. Returns the new count.
   */
  private int addCandidate(double startLagSamples, int n) {
    if (!meter.climbFrom(startLagSamples)) {
      return n;
    }
    double lag = meter.peakLagSamples();
    double periodicity = Math.min(1, meter.peakValue() * gain);
    int weakest = -1;
    for (int i = 0; i < n; i++) {
      if (Math.abs(candidateLag[i] - lag) < SAME_PEAK_SAMPLES) {
        return n;
      }
      if (weakest < 0 || candidatePeriodicity[i] < candidatePeriodicity[weakest]) {
        weakest = i;
      }
    }
    int slot = n;
    if (n == PitchPath.MAX_CANDIDATES) {
      if (periodicity <= candidatePeriodicity[weakest]) {
        return n;
      }
      slot = weakest;
    } else {
      n++;
    }
    candidateLag[slot] = lag;
    candidatePeriodicity[slot] = periodicity;
    return n;
  }

  /**
   * True when a path to another pitch (more than about 20 % away) scores within {@link
   * #AMBIGUITY_MARGIN} of the chosen one. When the chosen period is clearly periodic, a whole
   * multiple of it that scores no better in this frame does not count: any signal periodic at a lag
   * is as periodic at twice it, so that near-tie is expected and the shorter period is the answer.
   */
  private boolean isOctaveAmbiguous(int chosen, int n) {
    double chosenLag = candidateLag[chosen];
    double chosenScore = path.pathScore(chosen);
    for (int i = 0; i < n; i++) {
      double ratio = candidateLag[i] / chosenLag;
      if (Math.abs(log2(ratio)) <= SAME_PITCH_OCTAVES
          || chosenScore - path.pathScore(i) >= AMBIGUITY_MARGIN) {
        continue;
      }
      long multiple = Math.round(ratio);
      boolean harmlessMultiple =
          multiple >= 2
              && Math.abs(ratio - multiple) <= MULTIPLE_TOLERANCE * multiple
              && candidateScore[i] <= candidateScore[chosen]
              && candidatePeriodicity[chosen] >= CLEAR_PERIODICITY;
      if (!harmlessMultiple) {
        return true;
      }
    }
    return false;
  }

  private static double log2(double x) {
    return Math.log(x) * INV_LN2;
  }

  private static final double INV_LN2 = 1 / Math.log(2);
}
