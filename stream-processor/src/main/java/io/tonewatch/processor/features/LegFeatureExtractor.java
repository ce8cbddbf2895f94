package io.tonewatch.processor.features;

/**
 * Turns one leg's 20 ms PCM frames into {@link LegFeatures}: each new frame is appended to a
 * sliding window of {@link #WINDOW_SAMPLES} samples (32 ms) on which level, voice activity, tilt
 * and pitch are measured, so there is one analysis frame per input frame, centred 16 ms before the
 * newest sample. Pitch and tilt are only computed on speech frames, which is where nearly all of
 * the cost lies. Not thread-safe: one per leg; allocates nothing per frame.
 */
public final class LegFeatureExtractor {
  public static final int WINDOW_SAMPLES = 256;

  private static final float FULL_SCALE = 32768f;

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
    for (int i = 0; i < count; i++) {
      short s = samples[offset + i];
      if (s >= 32767 || s <= -32767) {
        clippedSamples++;
      }
      window[WINDOW_SAMPLES - count + i] = concealed ? 0f : s / FULL_SCALE;
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
      features.voicingConfidence = 0;
      pitch.noteUnvoiced();
      return features;
    }
    features.levelDbfs = LevelMeter.dbfs(window, 0, WINDOW_SAMPLES);
    features.speech = voiceActivity.isSpeech(features.levelDbfs);
    if (features.speech) {
      features.tiltDb = tilt.tiltDb(window, 0);
      features.f0Hz = pitch.f0Hz(window);
      features.voicingConfidence = pitch.lastProbability();
    } else {
      features.tiltDb = 0;
      features.f0Hz = 0;
      features.voicingConfidence = 0;
      pitch.noteUnvoiced();
    }
    return features;
  }
}
