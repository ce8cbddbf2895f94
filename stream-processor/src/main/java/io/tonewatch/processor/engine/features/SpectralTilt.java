package io.tonewatch.processor.engine.features;

import be.tarsos.dsp.util.fft.FloatFFT;

/**
 * Spectral tilt inside the telephone band: energy in 1000-3400 Hz minus energy in 300-1000 Hz, in
 * dB, from a Hann-windowed FFT. Raised and shouted voices put more energy above 1 kHz, so the tilt
 * rises (flattens) with vocal effort. eGeMAPS's alpha ratio uses bands up to 5 kHz, which a
 * telephone line does not carry; these bands are its narrowband analogue. Being a ratio, it does
 * not move with line gain.
 *
 * <p>The same spectrum also gives the Hammarberg index inside the band: the strongest bin in
 * 300-2000 Hz over the strongest in 2000-3400 Hz, in dB. Where tilt sums energy, the index compares
 * peaks, and effortful voices raise the upper formants' peaks more than their band's energy (on
 * telephonised EmoDB it falls 6-9 dB from calm to anger for every speaker, and it separates the
 * high, flat calm sentences of speaker 08 from her anger where tilt does not).
 *
 * <p>Both read the speech, not the line: the line's noise spectrum, learned per bin from frames
 * without speech ({@link #learnNoise}), is taken out of each band's energy and each bin's peak
 * first. Broadband noise fills the upper band long before the lower one, so at 10 dB SNR an
 * uncorrected tilt read a CREMA-D speaker's calm voice 6 dB flatter than it is, flatter than their
 * anger, and nothing on such a line looked calm enough to learn a baseline from. Not thread-safe:
 * one instance per leg; no allocation per call.
 */
public final class SpectralTilt {
  public static final double LOW_BAND_FROM_HZ = 300;
  public static final double SPLIT_HZ = 1000;
  public static final double HIGH_BAND_TO_HZ = 3400;
  public static final double HAMMARBERG_SPLIT_HZ = 2000;

  /** Bound on the reading when one band is (nearly) empty, so a pure tone cannot run to ±inf. */
  public static final double LIMIT_DB = 60.0;

  private final int windowSize;
  private final float[] hann;
  private final float[] spectrum;
  private final FloatFFT fft;
  private final int lowFromBin;
  private final int splitBin;
  private final int highToBin;
  private final int hammarbergSplitBin;
  private double hammarbergDb;

  /**
   * The line's mean noise power per bin of the band, indexed from {@code lowFromBin}: a plain mean
   * over the first {@link #NOISE_MEAN_FRAMES} frames learned, then an exponential one.
   */
  private final double[] noisePower;

  private int noiseFrames;

  /** Frames of noise averaged plainly before the estimate starts to forget. */
  static final int NOISE_MEAN_FRAMES = 20;

  /** Weight of each new noise frame once the estimate forgets: about the last 20 frames count. */
  private static final double NOISE_SMOOTHING = 0.05;

  /**
   * At most this share of a band's energy (or a peak bin's) is taken for noise, so a frame where
   * the noise estimate exceeds the energy (a quiet band, a noise burst) keeps a bounded reading
   * rather than none: 13 dB at most.
   */
  static final double MAX_NOISE_SHARE = 0.95;

  public SpectralTilt(int windowSize, double sampleRateHz) {
    if (Integer.bitCount(windowSize) != 1) {
      throw new IllegalArgumentException("windowSize must be a power of two, was " + windowSize);
    }
    this.windowSize = windowSize;
    this.hann = new float[windowSize];
    for (int i = 0; i < windowSize; i++) {
      hann[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / windowSize));
    }
    this.spectrum = new float[windowSize];
    this.fft = new FloatFFT(windowSize);
    double binHz = sampleRateHz / windowSize;
    this.lowFromBin = (int) Math.ceil(LOW_BAND_FROM_HZ / binHz);
    this.splitBin = (int) Math.round(SPLIT_HZ / binHz);
    this.highToBin = (int) Math.floor(HIGH_BAND_TO_HZ / binHz);
    this.hammarbergSplitBin = (int) Math.round(HAMMARBERG_SPLIT_HZ / binHz);
    this.noisePower = new double[highToBin - lowFromBin + 1];
  }

  /**
   * Tilt of the {@code windowSize} samples starting at {@code offset}, in dB, with the learned
   * noise taken out.
   */
  public double tiltDb(float[] samples, int offset) {
    transform(samples, offset);
    double low = 0;
    double high = 0;
    double lowNoise = 0;
    double highNoise = 0;
    double lowPeak = 0;
    double highPeak = 0;
    for (int k = lowFromBin; k <= highToBin; k++) {
      double power = power(k);
      double noise = noisePower[k - lowFromBin];
      if (k < splitBin) {
        low += power;
        lowNoise += noise;
      } else {
        high += power;
        highNoise += noise;
      }
      double peak = Math.max(power - noise, (1 - MAX_NOISE_SHARE) * power);
      if (k < hammarbergSplitBin) {
        lowPeak = Math.max(lowPeak, peak);
      } else {
        highPeak = Math.max(highPeak, peak);
      }
    }
    if (low <= 0 && high <= 0) {
      hammarbergDb = 0;
      return 0;
    }
    hammarbergDb = boundedRatioDb(lowPeak, highPeak);
    return boundedRatioDb(withoutNoise(high, highNoise), withoutNoise(low, lowNoise));
  }

  /**
   * Learns the line's noise spectrum from a window without speech. The caller picks the windows:
   * those near the noise floor, where no weak speech hides.
   */
  public void learnNoise(float[] samples, int offset) {
    transform(samples, offset);
    double weight = noiseFrames < NOISE_MEAN_FRAMES ? 1.0 / (noiseFrames + 1) : NOISE_SMOOTHING;
    for (int k = lowFromBin; k <= highToBin; k++) {
      noisePower[k - lowFromBin] += (power(k) - noisePower[k - lowFromBin]) * weight;
    }
    if (noiseFrames < Integer.MAX_VALUE) {
      noiseFrames++;
    }
  }

  /** Noise frames learned so far. */
  public int noiseFrames() {
    return noiseFrames;
  }

  private void transform(float[] samples, int offset) {
    for (int i = 0; i < windowSize; i++) {
      spectrum[i] = samples[offset + i] * hann[i];
    }
    fft.realForward(spectrum);
  }

  /** Power of bin k (1 <= k < n/2) of the last transform: realForward packs re, im at 2k, 2k+1. */
  private double power(int k) {
    double re = spectrum[2 * k];
    double im = spectrum[2 * k + 1];
    return re * re + im * im;
  }

  private static double withoutNoise(double energy, double noise) {
    return Math.max(energy - noise, (1 - MAX_NOISE_SHARE) * energy);
  }

  /**
   * The Hammarberg index of the window last given to {@link #tiltDb}: the strongest bin below 2 kHz
   * over the strongest above, in dB (falls as the voice grows effortful).
   */
  public double hammarbergDb() {
    return hammarbergDb;
  }

  private static double boundedRatioDb(double numerator, double denominator) {
    double ratioDb = 10 * Math.log10((numerator + 1e-20) / (denominator + 1e-20));
    return Math.max(-LIMIT_DB, Math.min(LIMIT_DB, ratioDb));
  }
}
