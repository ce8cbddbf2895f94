package io.tonewatch.processor.engine.features;

/**
 * Turns one leg's 20 ms PCM frames into {@link LegFeatures}: each new frame is appended to a
 * sliding window of {@link #WINDOW_SAMPLES} samples (32 ms) on which level, voice activity, tilt
 * and pitch are measured, so there is one analysis frame per input frame, centred 16 ms before the
 * newest sample. Pitch and tilt are only computed on speech frames, which is where nearly all of
 * the cost lies, and pitch also on frames a little above the noise floor, which count as speech
 * when they are clearly periodic. Not thread-safe: one per leg; allocates nothing per frame.
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

  /** A frame with more than this share of samples at the rails counts as clipped. */
  private static final double CLIPPED_SHARE = 0.01;

  private final double sampleRateHz;
  private final float[] window = new float[WINDOW_SAMPLES];
  private final VoiceActivity voiceActivity = new VoiceActivity();
  private final SpectralTilt tilt;
  private final PitchTracker pitch;
  private final LegFeatures features = new LegFeatures();
  private long samplesSeen;

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
    System.arraycopy(window, count, window, 0, WINDOW_SAMPLES - count);
    int clippedSamples = 0;
    int at = WINDOW_SAMPLES - count;
    if (concealed) {
      for (int i = 0; i < count; i++) {
        short s = samples[offset + i];
        if (s >= 32767 || s <= -32767) {
          clippedSamples++;
        }
      }
      java.util.Arrays.fill(window, at, WINDOW_SAMPLES, 0f);
    } else {
      for (int i = 0; i < count; i++) {
        short s = samples[offset + i];
        if (s >= 32767 || s <= -32767) {
          clippedSamples++;
        }
        // Exactly s / 32768f: the divisor is a power of two.
        window[at + i] = s * INV_FULL_SCALE;
      }
    }
    samplesSeen += count;
    features.timeS = (samplesSeen - WINDOW_SAMPLES / 2.0) / sampleRateHz;
    features.concealed = concealed;
    features.clipped = clippedSamples > CLIPPED_SHARE * count;
    if (concealed) {
      features.levelDbfs = LevelMeter.SILENCE_DBFS;
      features.speech = false;
      features.f0Hz = 0;
      features.tiltDb = 0;
      features.hammarbergDb = 0;
      features.voicingConfidence = 0;
      pitch.noteUnvoiced();
      return features;
    }
    features.levelDbfs = LevelMeter.dbfsOfMeanSquare(sumOfSquares() / WINDOW_SAMPLES);
    features.speech = voiceActivity.isSpeech(features.levelDbfs);
    if (features.speech) {
      features.tiltDb = tilt.tiltDb(window, 0);
      features.hammarbergDb = tilt.hammarbergDb();
      features.f0Hz = pitch.f0Hz(window, noiseShare(features.levelDbfs));
      features.voicingConfidence = pitch.lastProbability();
    } else if (voiceActivity.mayBePeriodicSpeech(features.levelDbfs) && isPeriodic()) {
      voiceActivity.noteSpeech();
      features.speech = true;
      features.tiltDb = tilt.tiltDb(window, 0);
      features.hammarbergDb = tilt.hammarbergDb();
    } else {
      features.tiltDb = 0;
      features.hammarbergDb = 0;
      features.f0Hz = 0;
      features.voicingConfidence = 0;
      pitch.noteUnvoiced();
    }
    return features;
  }

  /**
   * Tracks the pitch of a frame the energy test refused and keeps it if the frame is clearly
   * periodic; otherwise the caller restarts the pitch path, as for any frame that is not speech.
   */
  private boolean isPeriodic() {
    double f0Hz = pitch.f0Hz(window, noiseShare(features.levelDbfs));
    if (f0Hz > 0 && pitch.lastProbability() >= PERIODIC_SPEECH_MIN) {
      features.f0Hz = f0Hz;
      features.voicingConfidence = pitch.lastProbability();
      return true;
    }
    return false;
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
