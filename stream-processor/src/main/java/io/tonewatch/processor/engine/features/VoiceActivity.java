package io.tonewatch.processor.engine.features;

/**
 * Energy-based voice activity against an adaptive noise floor. The floor follows quiet frames down
 * quickly and creeps up slowly, so it settles on the line's background whatever the gain, and a
 * speaker's own level cannot drag it up during a long turn.
 *
 * <p>At the start of a leg the floor is only a guess, so for the first seconds it rises ten times
 * faster (5 dB/s): a noisy line's background (say -50 dBFS) is learned within about four seconds
 * instead of twenty, while a leg that opens mid-sentence still has pauses pull the floor back down.
 *
 * <p>Energy alone loses quiet voiced speech on a noisy line: at 7-15 dB SNR half the speech frames
 * never stand 12 dB above the floor. A frame between {@link #PERIODIC_MARGIN_DB} and the full
 * margin is therefore a candidate ({@link #mayBePeriodicSpeech}) that the caller may confirm as
 * speech by its periodicity ({@link #noteSpeech}), which noise does not have. Not thread-safe: one
 * per leg.
 */
public final class VoiceActivity {
  /** Speech must stand this far above the noise floor to start. */
  public static final double MARGIN_DB = 12.0;

  /**
   * Within {@link #CONTINUE_FRAMES} of a frame that was clearly speech, this margin is enough: the
   * quieter frames inside a word (a weak syllable, a consonant) stay speech, so the pitch track is
   * not cut up. Bounded in time, so that a steady background cannot continue itself.
   */
  public static final double CONTINUE_MARGIN_DB = 6.0;

  /** A frame this far above the floor is speech if it is also clearly periodic. */
  public static final double PERIODIC_MARGIN_DB = CONTINUE_MARGIN_DB;

  /**
   * A line whose speech peaks stand at least this far above its floor gets the full margins. On a
   * noisier line they shrink in proportion, down to {@link #MIN_MARGIN_SHARE} of themselves: at 10
   * dB SNR the loud voiced frames stand only 5-8 dB above the floor and the rest 0-5 dB, so fixed
   * margins keep out most of the speech and cut every turn into pieces. The floor of stationary
   * noise barely fluctuates, so smaller margins still keep it out.
   */
  static final double FULL_MARGIN_SNR_DB = 20.0;

  static final double MIN_MARGIN_SHARE = 0.25;

  /** The speech peak follows louder frames a tenth of the way and sinks 0.1 dB a second. */
  private static final double PEAK_ATTACK_SHARE = 0.1;

  private static final double PEAK_DECAY_DB_PER_FRAME = 0.002;

  /** 200 ms: about one syllable. */
  public static final int CONTINUE_FRAMES = 10;

  /** Nothing below this is speech, whatever the floor (digital silence, far-end leakage). */
  public static final double ABSOLUTE_FLOOR_DBFS = -62.0;

  private static final double RISE_DB_PER_FRAME = 0.01;

  /** While the floor is still a guess: the first 5 s of frames. */
  private static final int START_FRAMES = 250;

  private static final double START_RISE_DB_PER_FRAME = 0.1;
  private static final double FALL_SHARE = 0.3;
  private static final double INITIAL_FLOOR_DBFS = -70.0;

  private double noiseFloorDbfs = INITIAL_FLOOR_DBFS;
  private int frames;
  private int framesSinceClearSpeech = Integer.MAX_VALUE;
  private double speechPeakDbfs = INITIAL_FLOOR_DBFS + FULL_MARGIN_SNR_DB;
  private double marginShare = 1;

  /** Updates the floor with a frame's level and says whether the frame is speech. */
  public boolean isSpeech(double levelDbfs) {
    if (frames < START_FRAMES) {
      frames++;
    }
    if (levelDbfs < noiseFloorDbfs) {
      noiseFloorDbfs += (levelDbfs - noiseFloorDbfs) * FALL_SHARE;
    } else {
      noiseFloorDbfs += frames < START_FRAMES ? START_RISE_DB_PER_FRAME : RISE_DB_PER_FRAME;
    }
    if (levelDbfs > speechPeakDbfs) {
      speechPeakDbfs += (levelDbfs - speechPeakDbfs) * PEAK_ATTACK_SHARE;
    } else {
      speechPeakDbfs -= PEAK_DECAY_DB_PER_FRAME;
    }
    marginShare =
        Math.max(
            MIN_MARGIN_SHARE, Math.min(1, (speechPeakDbfs - noiseFloorDbfs) / FULL_MARGIN_SNR_DB));
    if (levelDbfs <= ABSOLUTE_FLOOR_DBFS) {
      framesSinceClearSpeech = Integer.MAX_VALUE;
      return false;
    }
    if (levelDbfs > noiseFloorDbfs + MARGIN_DB) {
      framesSinceClearSpeech = 0;
      return true;
    }
    if (framesSinceClearSpeech < CONTINUE_FRAMES) {
      framesSinceClearSpeech++;
      return levelDbfs > noiseFloorDbfs + CONTINUE_MARGIN_DB * marginShare;
    }
    return false;
  }

  /**
   * True when a frame {@link #isSpeech} refused stands far enough above the floor that periodicity
   * alone may make it speech.
   */
  public boolean mayBePeriodicSpeech(double levelDbfs) {
    return levelDbfs > ABSOLUTE_FLOOR_DBFS
        && levelDbfs > noiseFloorDbfs + PERIODIC_MARGIN_DB * marginShare;
  }

  /** The caller found the last frame to be speech after all: it counts as clear speech. */
  public void noteSpeech() {
    framesSinceClearSpeech = 0;
  }

  /**
   * True while the line's speech peaks stand less than {@link #FULL_MARGIN_SNR_DB} above its floor.
   */
  double speechPeakDbfs() {
    return speechPeakDbfs;
  }

  public boolean noisyLine() {
    return marginShare < 1;
  }

  public double noiseFloorDbfs() {
    return noiseFloorDbfs;
  }
}
