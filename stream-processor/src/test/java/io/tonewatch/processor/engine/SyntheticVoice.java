package io.tonewatch.processor.engine;

import java.util.Random;

/**
 * A test-only source of speech-like audio at 8 kHz: voiced syllables of 150-250 ms from a
 * glottal-like harmonic source shaped by a vowel's two lowest formants, restricted to the telephone
 * band (300-3400 Hz, so low voices lose their fundamental as on a real line), with short pauses
 * between syllables and longer ones between turns of about 2 s. The pitch wanders the way speech
 * does, so it never looks like a held note: a slow random drift, a few per cent per syllable, a
 * glide within each syllable, declination over a turn and cycle-to-cycle jitter. Some syllables
 * start with a fricative (unvoiced noise).
 *
 * <p>A {@link Style} sets the base F0, the speech level and the source's roll-off in dB per octave:
 * a flatter roll-off moves energy above 1 kHz, which is how vocal effort flattens the spectral
 * tilt. Seeded, so the same seed and calls give the same samples. Not thread-safe.
 */
final class SyntheticVoice {
  static final int SAMPLE_RATE_HZ = CallAnalyzer.SAMPLE_RATE_HZ;

  private static final double BAND_LOW_HZ = 300;
  private static final double BAND_HIGH_HZ = 3400;
  private static final double DB_PER_OCTAVE_TO_EXPONENT = 1 / (20 * Math.log10(2));

  /** First two formants of a few vowels, in Hz. */
  private static final double[][] VOWELS = {
    {700, 1220}, {300, 2250}, {350, 850}, {500, 1850}, {500, 950}, {620, 1650}
  };

  /**
   * How the voice is produced.
   *
   * @param f0Hz base fundamental frequency
   * @param levelDbfs RMS level of voiced syllables in dBFS (a full-scale sine reads 0)
   * @param rolloffDbPerOctave slope of the source spectrum; closer to 0 means a flatter tilt
   */
  record Style(double f0Hz, double levelDbfs, double rolloffDbPerOctave) {
    /** The same voice with raised pitch, more level and a flatter spectral slope. */
    Style raisedBy(double semitones, double levelDb, double flatterDbPerOctave) {
      return new Style(
          f0Hz * Math.pow(2, semitones / 12),
          levelDbfs + levelDb,
          rolloffDbPerOctave + flatterDbPerOctave);
    }
  }

  private final Random random;
  private double driftSt;

  SyntheticVoice(long seed) {
    this.random = new Random(seed);
  }

  /** A stretch of conversation exactly {@code seconds} long: turns of about 2 s and pauses. */
  float[] speak(Style style, double seconds) {
    float[] out = new float[samples(seconds)];
    int at = 0;
    while (at < out.length) {
      float[] turn = turn(style, 1.6 + 0.8 * random.nextDouble());
      System.arraycopy(turn, 0, out, at, Math.min(turn.length, out.length - at));
      at += turn.length + samples(0.6 + 0.6 * random.nextDouble());
    }
    return out;
  }

  /**
   * One turn of syllables and short pauses, exactly {@code seconds} long (the end may be quiet).
   */
  float[] turn(Style style, double seconds) {
    float[] out = new float[samples(seconds)];
    int at = 0;
    double declinationSt = 0;
    while (true) {
      int length = samples(0.15 + 0.10 * random.nextDouble());
      if (at + length > out.length) {
        return out;
      }
      syllable(style, declinationSt, out, at, length);
      at += length + samples(0.04 + 0.08 * random.nextDouble());
      declinationSt -= 0.15;
    }
  }

  private void syllable(Style style, double declinationSt, float[] out, int start, int length) {
    driftSt = 0.85 * driftSt + 0.35 * random.nextGaussian();
    double offsetSt = 0.5 * random.nextGaussian();
    double glideStPerS = (3 + 9 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
    double[] vowel = VOWELS[random.nextInt(VOWELS.length)];
    double f1 = vowel[0] * (0.9 + 0.2 * random.nextDouble());
    double f2 = vowel[1] * (0.9 + 0.2 * random.nextDouble());
    double centreF0 = style.f0Hz() * Math.pow(2, (driftSt + offsetSt + declinationSt) / 12);

    int harmonics = (int) (BAND_HIGH_HZ / centreF0);
    double[] amplitudes = new double[harmonics + 1];
    double[] phases = new double[harmonics + 1];
    for (int k = 1; k <= harmonics; k++) {
      double hz = k * centreF0;
      phases[k] = 2 * Math.PI * random.nextDouble();
      if (hz >= BAND_LOW_HZ && hz <= BAND_HIGH_HZ) {
        double source =
            Math.pow(hz / BAND_LOW_HZ, style.rolloffDbPerOctave() * DB_PER_OCTAVE_TO_EXPONENT);
        amplitudes[k] = source * formants(hz, f1, f2);
      }
    }

    int fricative = random.nextDouble() < 0.4 ? samples(0.03 + 0.02 * random.nextDouble()) : 0;
    float[] voiced = new float[length - fricative];
    double phase = 0;
    double cycleFactor = 1;
    for (int i = 0; i < voiced.length; i++) {
      double t = (i - voiced.length / 2.0) / SAMPLE_RATE_HZ;
      double f0 = centreF0 * Math.pow(2, glideStPerS * t / 12) * cycleFactor;
      phase += 2 * Math.PI * f0 / SAMPLE_RATE_HZ;
      if (phase >= 2 * Math.PI) {
        phase -= 2 * Math.PI;
        cycleFactor = 1 + 0.008 * random.nextGaussian(); // jitter, cycle to cycle
      }
      double sample = 0;
      for (int k = 1; k <= harmonics; k++) {
        if (amplitudes[k] > 0) {
          sample += amplitudes[k] * Math.sin(k * phase + phases[k]);
        }
      }
      voiced[i] = (float) (sample * envelope(i, voiced.length));
    }
    double levelDbfs = style.levelDbfs() + 1.5 * random.nextGaussian();
    double gain = rmsFor(levelDbfs) / rms(voiced);
    double previousWhite = 0;
    for (int i = 0; i < fricative; i++) {
      // Differenced white noise (rising 6 dB per octave), 12 dB below the vowel.
      double white = random.nextGaussian();
      out[start + i] = (float) (rmsFor(levelDbfs - 12) / Math.sqrt(2) * (white - previousWhite));
      previousWhite = white;
    }
    for (int i = 0; i < voiced.length; i++) {
      out[start + fricative + i] = (float) (voiced[i] * gain);
    }
  }

  /** Two resonances on a flat floor: the vowel's formants, each up to about +12 dB. */
  private static double formants(double hz, double f1, double f2) {
    return 1 + 3 * resonance(hz, f1, 90) + 3 * resonance(hz, f2, 130);
  }

  private static double resonance(double hz, double centreHz, double bandwidthHz) {
    double x = (hz - centreHz) / bandwidthHz;
    return 1 / (1 + x * x);
  }

  /** Raised-cosine onset of 25 ms and offset of 40 ms. */
  private static double envelope(int i, int length) {
    int attack = samples(0.025);
    int release = samples(0.040);
    if (i < attack) {
      return 0.5 - 0.5 * Math.cos(Math.PI * i / attack);
    }
    if (i >= length - release) {
      return 0.5 - 0.5 * Math.cos(Math.PI * (length - 1 - i) / release);
    }
    return 1;
  }

  /** RMS of a signal at {@code levelDbfs}, with full scale the RMS of a full-scale sine. */
  static double rmsFor(double levelDbfs) {
    return Math.pow(10, levelDbfs / 20) / Math.sqrt(2);
  }

  private static double rms(float[] samples) {
    double sum = 0;
    for (float s : samples) {
      sum += (double) s * s;
    }
    return Math.sqrt(sum / samples.length);
  }

  static int samples(double seconds) {
    return (int) Math.round(seconds * SAMPLE_RATE_HZ);
  }
}
