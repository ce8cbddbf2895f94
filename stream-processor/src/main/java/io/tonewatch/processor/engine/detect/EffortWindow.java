package io.tonewatch.processor.engine.detect;

import io.tonewatch.processor.engine.baseline.FloatRing;
import java.util.Arrays;

/**
 * The recent voiced speech of one leg: pitch (semitones), tilt and level of the last N voiced
 * frames, plus how tonal the recent pitch track is. A median over many frames shrugs off the odd
 * octave error; tilt is taken on voiced frames only because fricatives are flat by nature. Not
 * thread-safe.
 */
public final class EffortWindow {
  /** Frame-to-frame pitch change below which a voiced pair counts as "steady as a note". */
  private static final double STEADY_STEP_ST = 0.05;

  /** Voiced pairs over which steadiness is judged (1 s). */
  private static final int STEADY_MEMORY = 50;

  /** Consecutive steady pairs that speech practically never produces (about 9 % of pairs are). */
  private static final int STEADY_RUN_PAIRS = 4;

  private static final int PITCH = 0;
  private static final int TILT = 1;
  private static final int HAMMARBERG = 2;
  private static final int LEVEL = 3;

  private final FloatRing pitchSt;
  private final FloatRing tiltDb;
  private final FloatRing hammarbergDb;
  private final FloatRing levelDbfs;

  /** The rings by the indices above, so their medians are taken in one loop. */
  private final FloatRing[] rings;

  /**
   * Each ring's median, taken once per added frame: the detector reads them several times a frame,
   * and a single call site keeps the selection compiled once rather than inlined at every reader.
   */
  private final double[] medians = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

  private double levelSdDb = Double.NaN;

  private final boolean[] steadyPairs = new boolean[STEADY_MEMORY];
  private int steadyNext;
  private int steadyCount;
  private int pairsSeen;
  private double lastPitchSt = Double.NaN;
  private int voicedRun;
  private int steadyRun;

  public EffortWindow(int voicedFrames) {
    this.pitchSt = new FloatRing(voicedFrames);
    this.tiltDb = new FloatRing(voicedFrames);
    this.hammarbergDb = new FloatRing(voicedFrames);
    this.levelDbfs = new FloatRing(voicedFrames);
    this.rings = new FloatRing[] {pitchSt, tiltDb, hammarbergDb, levelDbfs};
  }

  /**
   * Adds a voiced frame. Its pitch is evidence only when {@code pitchTrusted}; its tilt, Hammarberg
   * index and level always are.
   */
  public void addVoiced(
      double f0St,
      boolean pitchTrusted,
      double frameTiltDb,
      double frameHammarbergDb,
      double frameLevelDbfs) {
    if (pitchTrusted) {
      pitchSt.add((float) f0St);
    }
    tiltDb.add((float) frameTiltDb);
    hammarbergDb.add((float) frameHammarbergDb);
    levelDbfs.add((float) frameLevelDbfs);
    // An untrusted pitch left its ring as it was, and so its median.
    for (int i = pitchTrusted ? PITCH : PITCH + 1; i < rings.length; i++) {
      medians[i] = rings[i].median();
    }
    levelSdDb = levelDbfs.standardDeviation();
    if (!Double.isNaN(lastPitchSt)) {
      boolean steady = Math.abs(f0St - lastPitchSt) < STEADY_STEP_ST;
      if (pairsSeen >= STEADY_MEMORY && steadyPairs[steadyNext]) {
        steadyCount--;
      }
      steadyPairs[steadyNext] = steady;
      if (steady) {
        steadyCount++;
      }
      steadyNext = (steadyNext + 1) % STEADY_MEMORY;
      pairsSeen++;
      steadyRun = steady ? steadyRun + 1 : 0;
    }
    lastPitchSt = f0St;
    voicedRun++;
  }

  /** Notes an unvoiced frame: the pitch track is interrupted. */
  public void addUnvoiced() {
    lastPitchSt = Double.NaN;
    voicedRun = 0;
    steadyRun = 0;
  }

  /** Forgets the pitch, tilt and level evidence (a new turn, or tonal audio), not the tonality. */
  public void clearEvidence() {
    pitchSt.clear();
    tiltDb.clear();
    hammarbergDb.clear();
    levelDbfs.clear();
    Arrays.fill(medians, Double.NaN);
    levelSdDb = Double.NaN;
  }

  public int voicedFrames() {
    return tiltDb.size();
  }

  public double medianPitchSt() {
    return medians[PITCH]; // NaN when no trusted pitch is held
  }

  /**
   * Median rather than mean: a fricative or breath the pitch tracker calls voiced reads +15 to +30
   * dB and would drag a mean of a few frames far up; real voiced frames almost never do.
   */
  public double medianTiltDb() {
    return medians[TILT];
  }

  public double medianHammarbergDb() {
    return medians[HAMMARBERG];
  }

  public double medianLevelDbfs() {
    return medians[LEVEL];
  }

  /** Standard deviation of the level held, NaN when empty. */
  public double levelSdDb() {
    return levelSdDb;
  }

  /** The q-quantile (0..1) of the level held, NaN when empty. */
  public double levelQuantileDbfs(double q) {
    return levelDbfs.quantile(q);
  }

  /**
   * True when the recent pitch track is steady like music or a tone (hold music, ringback, DTMF)
   * rather than speech, whose pitch wanders from frame to frame and is rarely voiced for a whole
   * second without a break.
   */
  public boolean tonal() {
    int pairs = Math.min(pairsSeen, STEADY_MEMORY);
    return voicedRun > 50
        || steadyRun >= STEADY_RUN_PAIRS
        || (pairs >= 10 && steadyCount * 2 > pairs);
  }
}
