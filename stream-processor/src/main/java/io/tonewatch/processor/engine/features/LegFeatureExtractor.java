package io.tonewatch.processor.engine.features;

/**
 * Turns one leg's 20 ms PCM frames into {@link LegFeatures}: each new frame is appended to a
 * sliding window of {@link #WINDOW_SAMPLES} samples (32 ms) on which level, voice activity, tilt
 * and pitch are measured, so there is one analysis frame per input frame, centred 16 ms before the
 * newest sample. Pitch and tilt are only computed on speech frames, which is where nearly all of
 * the cost lies, and pitch also on frames a little above the noise floor, which count as speech
 * when they are clearly periodic; every fourth quiet frame in a row near the floor gives the tilt
 * one spectrum of the line's noise. Not thread-safe: one per leg; allocates nothing per frame.
 */
public final class LegFeatureExtractor {
  public static final int WINDOW_SAMPLES = 256;

  private static final float INV_FULL_SCALE = 1 / 32768f;

  /**
   * Periodicity (normalised autocorrelation at the period) above which a frame that is only a
   * little above the noise floor counts as speech: voiced speech reaches it, noise does not. 0.6 to
   * 0.8 gave the same figures on the development calls.
   */
  static final double PERIODIC_SPEECH_MIN = 0.7;

  /**
   * A frame without speech this close to the noise floor teaches the tilt the line's noise
   * spectrum. Close, so that the weak syllables of quiet speech on a noisy line (which stand 1-2 dB
   * over the floor at 5 dB under the noise) stay out of it; noise frames themselves sit within
   * about half a dB of the floor.
   */
  static final double NOISE_LEARN_MARGIN_DB = 1.0;

  /**
   * Every this many such frames one is learned: line noise changes slowly, and the spectrum costs
   * as much as the tilt of a speech frame.
   */
  static final int NOISE_LEARN_EVERY_FRAMES = 4;

  /** A frame with more than this share of samples at the rails counts as clipped. */
  private static final double CLIPPED_SHARE = 0.01;

  private final double sampleRateHz;
  private final float[] window = new float[WINDOW_SAMPLES];
  private final VoiceActivity voiceActivity = new VoiceActivity();
  private final SpectralTilt tilt;
  private final PitchTracker pitch;
  private final LegFeatures features = new LegFeatures();
  private long samplesSeen;
  private int quietFrames;

  public LegFeatureExtractor(double sampleRateHz) {
    this.sampleRateHz = sampleRateHz;
    this.tilt = new SpectralTilt(WINDOW_SAMPLES, sampleRateHz);
    this.pitch = new PitchTracker(sampleRateHz, WINDOW_SAMPLES);
  }

  /**
   * Adds {@code count} samples and measures the window. A concealed frame advances time and is
   * reported as such, unmeasured. The returned object is reused by the next call.
   */
  public LegFeatures accept(short[] samples, int offset, int count, boolean concealed) {
    int clippedSamples = shiftIn(samples, offset, count, concealed);
    samplesSeen += count;
    features.timeS = (samplesSeen - WINDOW_SAMPLES / 2.0) / sampleRateHz;
    features.concealed = concealed;
    features.clipped = clippedSamples > CLIPPED_SHARE * count;
    if (concealed) {
      features.levelDbfs = LevelMeter.SILENCE_DBFS;
      unvoiced();
      quietFrames = 0;
      return features;
    }
    double levelDbfs = LevelMeter.dbfsOfMeanSquare(sumOfSquares() / WINDOW_SAMPLES);
    features.levelDbfs = levelDbfs;
    boolean loudEnough = voiceActivity.isSpeech(levelDbfs);
    features.noiseFloorDbfs = voiceActivity.noiseFloorDbfs();
    // A frame the energy test refuses still counts as speech when it is only a little above the
    // floor and clearly periodic. One call site each for pitch and tilt keeps them out of line,
    // compiled once, rather than inlined twice into this method.
    double f0Hz = 0;
    float confidence = 0;
    if (loudEnough || voiceActivity.mayBePeriodicSpeech(levelDbfs)) {
      f0Hz = pitch.f0Hz(window, noiseShare(levelDbfs));
      confidence = pitch.lastProbability();
    }
    if (!loudEnough && !(f0Hz > 0 && confidence >= PERIODIC_SPEECH_MIN)) {
      unvoiced();
      noteQuiet(levelDbfs);
      return features;
    }
    quietFrames = 0;
    if (!loudEnough) {
      voiceActivity.noteSpeech();
    }
    features.speech = true;
    features.f0Hz = f0Hz;
    features.voicingConfidence = confidence;
    features.tiltDb = tilt.tiltDb(window, 0);
    features.hammarbergDb = tilt.hammarbergDb();
    return features;
  }

  /** A frame that is not speech: nothing measured, and the pitch path restarts. */
  private void unvoiced() {
    features.speech = false;
    features.f0Hz = 0;
    features.tiltDb = 0;
    features.hammarbergDb = 0;
    features.voicingConfidence = 0;
    pitch.noteUnvoiced();
  }

  /**
   * Counts a frame without speech and, on every {@link #NOISE_LEARN_EVERY_FRAMES}th in a row that
   * sits near the noise floor (never the first after speech, whose window still holds its tail),
   * lets the tilt learn the line's noise from it.
   */
  private void noteQuiet(double levelDbfs) {
    boolean nearFloor =
        levelDbfs > VoiceActivity.ABSOLUTE_FLOOR_DBFS
            && levelDbfs < voiceActivity.noiseFloorDbfs() + NOISE_LEARN_MARGIN_DB;
    if (!nearFloor) {
      quietFrames = 0;
    } else if (++quietFrames % NOISE_LEARN_EVERY_FRAMES == 0) {
      tilt.learnNoise(window, 0);
    }
  }

  /**
   * Slides the window by {@code count} samples and appends the new ones (zeros for a concealed
   * frame), returning how many of them sit at the rails. Kept apart from {@link #accept} so that
   * method has no loop, and the JIT never compiles it a second time on stack replacement.
   */
  private int shiftIn(short[] samples, int offset, int count, boolean concealed) {
    System.arraycopy(window, count, window, 0, WINDOW_SAMPLES - count);
    int clippedSamples = 0;
    int at = WINDOW_SAMPLES - count;
    for (int i = 0; i < count; i++) {
      short s = samples[offset + i];
      if (s >= 32767 || s <= -32767) {
        clippedSamples++;
      }
      // Exactly s / 32768f: the divisor is a power of two.
      window[at + i] = concealed ? 0f : s * INV_FULL_SCALE;
    }
    return clippedSamples;
  }

  /**
   * The share of a frame's energy, as the periodicity sees it, that is the line's noise: the
   * floor's power over the frame's, halved because the periodicity is measured on a smoothed window
   * that damps broadband noise about twice as much as voiced speech (whose energy lies in the low
   * harmonics). Noise as low in frequency as speech is then under-counted, which errs towards
   * calling fewer frames voiced.
   */
  private double noiseShare(double levelDbfs) {
    if (!voiceActivity.noisyLine()) {
      return 0;
    }
    return SMOOTHED_NOISE_WEIGHT * Math.pow(10, (voiceActivity.noiseFloorDbfs() - levelDbfs) / 10);
  }

  private static final double SMOOTHED_NOISE_WEIGHT = 0.5;

  /**
   * The sum of squares {@link LevelMeter#dbfs} takes, bit for bit, in four independent sums: every
   * sample is a 16-bit value over 2^15, so each square is an integer over 2^30 and every partial
   * sum of at most 256 of them fits a double's 53 bits exactly; the order of the additions cannot
   * change the result.
   */
  private double sumOfSquares() {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int i = 0; i < WINDOW_SAMPLES; i += 4) {
      s0 += (double) window[i] * window[i];
      s1 += (double) window[i + 1] * window[i + 1];
      s2 += (double) window[i + 2] * window[i + 2];
      s3 += (double) window[i + 3] * window[i + 3];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
