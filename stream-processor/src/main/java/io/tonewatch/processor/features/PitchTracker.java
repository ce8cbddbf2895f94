package io.tonewatch.processor.features;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.Yin;

/**
 * F0 of one leg with TarsosDSP's time-domain YIN (de Cheveigné and Kawahara, 2002) and a guard
 * against octave errors.
 *
 * <p>Why YIN: on a 256-sample window it reaches down to 62.5 Hz (MPM stops at 80 Hz, too high for
 * low male voices), it allocates nothing per call (FastYin 2.4 allocates a buffer per call and
 * rejects exactly periodic input), and at about 7 µs a call it is cheap enough when run only on
 * frames with speech activity. Telephone audio removes the fundamental of low voices, but the
 * waveform keeps its period, which is what YIN measures.
 *
 * <p>The guard: when a new estimate sits about an octave away from the leg's recent voiced pitch,
 * the normalised difference at the other octave's lag is checked; if the signal is nearly as
 * periodic there, the estimate nearer the recent track wins. Real pitch moves gradually over
 * syllables, so the recent track follows genuine rises while isolated octave jumps are folded back.
 * Not thread-safe: one instance per leg.
 */
public final class PitchTracker {
  public static final double MIN_F0_HZ = 65.0;
  public static final double MAX_F0_HZ = 600.0;

  private static final double YIN_THRESHOLD = 0.20;

  /** Voiced frames remembered for the octave guard (about 0.3 s of voiced speech). */
  private static final int TRACK_LENGTH = 15;

  /** Frames without voicing after which the recent track is forgotten. */
  private static final int TRACK_EXPIRY_FRAMES = 50;

  /** How much less periodic the other octave may be and still be preferred. */
  private static final double OCTAVE_TOLERANCE = 0.12;

  private final double sampleRateHz;
  private final int windowSize;
  private final Yin yin;
  private final float[] track = new float[TRACK_LENGTH];
  private final float[] sortScratch = new float[TRACK_LENGTH];
  private int trackCount;
  private int trackNext;
  private int framesSinceVoiced;
  private float lastProbability;

  public PitchTracker(double sampleRateHz, int windowSize) {
    this.sampleRateHz = sampleRateHz;
    this.windowSize = windowSize;
    this.yin = new Yin((float) sampleRateHz, windowSize, YIN_THRESHOLD);
  }

  /**
   * F0 of the {@code windowSize} samples in {@code window} (which must hold exactly that many), or
   * 0 when unvoiced or outside {@link #MIN_F0_HZ}-{@link #MAX_F0_HZ}.
   */
  public double f0Hz(float[] window) {
    PitchDetectionResult result = yin.getPitch(window);
    double f0 = result.isPitched() ? result.getPitch() : -1;
    lastProbability = result.isPitched() ? result.getProbability() : 0f;
    if (f0 > 0) {
      f0 = foldOctave(window, f0);
    }
    if (f0 < MIN_F0_HZ || f0 > MAX_F0_HZ) {
      noteUnvoiced();
      return 0;
    }
    remember((float) f0);
    return f0;
  }

  /** YIN's confidence in the last estimate (1 - aperiodicity), 0 when unvoiced. */
  public float lastProbability() {
    return lastProbability;
  }

  /** Tells the tracker a frame was skipped as silence, so the recent track can expire. */
  public void noteUnvoiced() {
    if (++framesSinceVoiced > TRACK_EXPIRY_FRAMES) {
      trackCount = 0;
    }
  }

  private double foldOctave(float[] window, double f0) {
    if (trackCount < 3) {
      return f0;
    }
    double reference = medianOfTrack();
    double ratio = f0 / reference;
    double periodSamples = sampleRateHz / f0;
    if (ratio > 1.6 && 2 * periodSamples < windowSize / 2.0) {
      double here = normalisedDifference(window, periodSamples);
      double below = normalisedDifference(window, 2 * periodSamples);
      if (below <= here + OCTAVE_TOLERANCE) {
        return f0 / 2;
      }
    } else if (ratio < 0.625 && periodSamples / 2 >= sampleRateHz / MAX_F0_HZ) {
      double here = normalisedDifference(window, periodSamples);
      double above = normalisedDifference(window, periodSamples / 2);
      if (above <= here + OCTAVE_TOLERANCE) {
        return f0 * 2;
      }
    }
    return f0;
  }

  /**
   * Squared difference between the window and itself shifted by {@code lagSamples} (rounded),
   * divided by the energy of both parts: 0 for a perfectly periodic signal, about 1 for noise.
   */
  private double normalisedDifference(float[] window, double lagSamples) {
    int lag = (int) Math.round(lagSamples);
    int span = windowSize - lag;
    double diff = 0;
    double energy = 0;
    for (int i = 0; i < span; i++) {
      float a = window[i];
      float b = window[i + lag];
      float d = a - b;
      diff += d * d;
      energy += a * a + b * b;
    }
    return energy > 0 ? diff / energy : 1.0;
  }

  private void remember(float f0) {
    framesSinceVoiced = 0;
    track[trackNext] = f0;
    trackNext = (trackNext + 1) % TRACK_LENGTH;
    trackCount = Math.min(TRACK_LENGTH, trackCount + 1);
  }

  private double medianOfTrack() {
    System.arraycopy(track, 0, sortScratch, 0, trackCount);
    java.util.Arrays.sort(sortScratch, 0, trackCount);
    return sortScratch[trackCount / 2];
  }
}
