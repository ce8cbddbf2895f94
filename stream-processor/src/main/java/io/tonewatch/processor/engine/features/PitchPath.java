package io.tonewatch.processor.engine.features;

/**
 * Chooses among one frame's candidate periods by the best path through the frames so far: a
 * forward-only Viterbi search, the streaming analogue of Praat's path finder. A path earns each
 * frame's periodicity and pays for every octave it jumps between frames and for every switch
 * between voiced and unvoiced. Keeping every candidate's best path, rather than only the last
 * answer, lets a track recover when its first frame took the wrong octave; and because the cost
 * grows with the size of a jump, a gradual glide costs little while a sudden octave costs a lot.
 *
 * <p>The result is the candidate whose path scores best now (no look-ahead); the scores of the
 * others tell how clear that choice is. Not thread-safe; allocates nothing after construction.
 */
final class PitchPath {
  /** Candidates remembered from frame to frame. */
  static final int MAX_CANDIDATES = 12;

  private final double unvoicedScore;
  private final double voicingSwitchCost;
  private final double jumpCostPerOctave;

  private final double[] lag = new double[MAX_CANDIDATES];
  private final double[] log2Lag = new double[MAX_CANDIDATES];
  private final double[] pathScore = new double[MAX_CANDIDATES];
  private int count;
  private double unvoicedPathScore;

  private final double[] nextLog2Lag = new double[MAX_CANDIDATES];
  private final double[] nextPathScore = new double[MAX_CANDIDATES];

  /**
   * @param unvoicedScore what an unvoiced frame earns: a voiced candidate must beat it
   * @param voicingSwitchCost paid when the path turns voiced or unvoiced
   * @param jumpCostPerOctave paid per octave of change in period between consecutive frames
   */
  PitchPath(double unvoicedScore, double voicingSwitchCost, double jumpCostPerOctave) {
    this.unvoicedScore = unvoicedScore;
    this.voicingSwitchCost = voicingSwitchCost;
    this.jumpCostPerOctave = jumpCostPerOctave;
  }

  /** Forgets every path, as after silence: the next frame starts from unvoiced. */
  void reset() {
    count = 0;
    unvoicedPathScore = 0;
  }

  /** Candidates carried from the previous frame, to be looked for again in this one. */
  int previousCount() {
    return count;
  }

  double previousLagSamples(int i) {
    return lag[i];
  }

  /**
   * Advances by one frame with {@code n} (at most {@link #MAX_CANDIDATES}) candidate lags and their
   * scores (periodicity plus any bias). Returns the index of the chosen candidate, or -1 when the
   * best path is unvoiced here.
   */
  int step(double[] lagSamples, double[] score, int n) {
    double previousBest = unvoicedPathScore;
    for (int j = 0; j < count; j++) {
      previousBest = Math.max(previousBest, pathScore[j]);
    }
    // Path scores are kept relative to the previous best so they never grow without bound.
    double fromUnvoiced = unvoicedPathScore - previousBest;
    double toUnvoiced = fromUnvoiced;
    for (int j = 0; j < count; j++) {
      toUnvoiced = Math.max(toUnvoiced, pathScore[j] - previousBest - voicingSwitchCost);
    }
    for (int i = 0; i < n; i++) {
      double log2 = Math.log(lagSamples[i]) * INV_LN2;
      double bestIn = fromUnvoiced - voicingSwitchCost;
      for (int j = 0; j < count; j++) {
        double jump = Math.abs(log2 - log2Lag[j]);
        bestIn = Math.max(bestIn, pathScore[j] - previousBest - jumpCostPerOctave * jump);
      }
      nextLog2Lag[i] = log2;
      nextPathScore[i] = bestIn + score[i];
    }
    unvoicedPathScore = toUnvoiced + unvoicedScore;
    System.arraycopy(lagSamples, 0, lag, 0, n);
    System.arraycopy(nextLog2Lag, 0, log2Lag, 0, n);
    System.arraycopy(nextPathScore, 0, pathScore, 0, n);
    count = n;

    int best = -1;
    double bestScore = unvoicedPathScore;
    for (int i = 0; i < n; i++) {
      if (pathScore[i] > bestScore) {
        bestScore = pathScore[i];
        best = i;
      }
    }
    return best;
  }

  /** Score of the best path ending at candidate {@code i} of the last step. */
  double pathScore(int i) {
    return pathScore[i];
  }

  private static final double INV_LN2 = 1 / Math.log(2);
}
