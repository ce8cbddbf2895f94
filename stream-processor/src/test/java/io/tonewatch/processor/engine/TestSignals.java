package io.tonewatch.processor.engine;

import java.util.Random;

/** Test-only building blocks for 8 kHz test calls: tones, a melody, gain, noise and PCM. */
final class TestSignals {
  static final int SAMPLE_RATE_HZ = CallAnalyzer.SAMPLE_RATE_HZ;

  private TestSignals() {}

  /** Joins signals end to end. */
  static float[] concat(float[]... parts) {
    int length = 0;
    for (float[] part : parts) {
      length += part.length;
    }
    float[] out = new float[length];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  static float[] silence(double seconds) {
    return new float[SyntheticVoice.samples(seconds)];
  }

  /** A pure sine at {@code levelDbfs}. */
  static float[] sine(double hz, double levelDbfs, double seconds) {
    float[] out = new float[SyntheticVoice.samples(seconds)];
    double amplitude = Math.pow(10, levelDbfs / 20);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE_HZ));
    }
    return out;
  }

  /**
   * A held harmonic tone: every harmonic of {@code f0Hz} below 3.4 kHz, falling {@code
   * rolloffDbPerOctave}, scaled to {@code levelDbfs} RMS (sine-referenced), with 10 ms fades.
   */
  static float[] harmonicTone(
      double f0Hz, double rolloffDbPerOctave, double levelDbfs, double seconds) {
    float[] out = new float[SyntheticVoice.samples(seconds)];
    double exponent = rolloffDbPerOctave / (20 * Math.log10(2));
    for (int k = 1; k * f0Hz < 3400; k++) {
      double amplitude = Math.pow(k, exponent);
      double phase = 0.7 * k * k; // fixed, spread phases: a lower crest factor than all zero
      for (int i = 0; i < out.length; i++) {
        out[i] +=
            (float) (amplitude * Math.sin(2 * Math.PI * k * f0Hz * i / SAMPLE_RATE_HZ + phase));
      }
    }
    int fade = Math.min(out.length / 2, SyntheticVoice.samples(0.010));
    for (int i = 0; i < fade; i++) {
      double g = (double) i / fade;
      out[i] *= (float) g;
      out[out.length - 1 - i] *= (float) g;
    }
    return normalise(out, levelDbfs);
  }

  /**
   * Hold music: sustained harmonic notes of a major scale between about 260 and 520 Hz, each held
   * for 300-500 ms, one after another.
   */
  static float[] melody(long seed, double rolloffDbPerOctave, double levelDbfs, double seconds) {
    Random random = new Random(seed);
    int[] scaleSemitones = {0, 2, 4, 5, 7, 9, 11, 12};
    float[] out = new float[SyntheticVoice.samples(seconds)];
    int at = 0;
    while (at < out.length) {
      double hz =
          261.63 * Math.pow(2, scaleSemitones[random.nextInt(scaleSemitones.length)] / 12.0);
      float[] note =
          harmonicTone(hz, rolloffDbPerOctave, levelDbfs, 0.3 + 0.2 * random.nextDouble());
      System.arraycopy(note, 0, out, at, Math.min(note.length, out.length - at));
      at += note.length;
    }
    return out;
  }

  /** Multiplies the samples from {@code fromSeconds} on by {@code gainDb}. */
  static float[] gainFrom(float[] signal, double fromSeconds, double gainDb) {
    float[] out = signal.clone();
    double gain = Math.pow(10, gainDb / 20);
    for (int i = SyntheticVoice.samples(fromSeconds); i < out.length; i++) {
      out[i] *= (float) gain;
    }
    return out;
  }

  /** Adds white Gaussian noise at {@code levelDbfs} RMS (sine-referenced). */
  static float[] withNoise(float[] signal, double levelDbfs, long seed) {
    Random random = new Random(seed);
    double rms = SyntheticVoice.rmsFor(levelDbfs);
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (signal[i] + rms * random.nextGaussian());
    }
    return out;
  }

  /** Scales to 16-bit PCM (±1.0 = full scale), rounding and saturating. */
  static short[] pcm(float[] signal) {
    short[] out = new short[signal.length];
    for (int i = 0; i < out.length; i++) {
      long v = Math.round(signal[i] * 32767.0);
      out[i] = (short) Math.max(-32768, Math.min(32767, v));
    }
    return out;
  }

  private static float[] normalise(float[] signal, double levelDbfs) {
    double sum = 0;
    for (float s : signal) {
      sum += (double) s * s;
    }
    double rms = Math.sqrt(sum / signal.length);
    double gain = rms > 0 ? SyntheticVoice.rmsFor(levelDbfs) / rms : 0;
    for (int i = 0; i < signal.length; i++) {
      signal[i] *= (float) gain;
    }
    return signal;
  }
}
