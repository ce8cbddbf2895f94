package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class PitchTrackerTest {
  private static final double RATE_HZ = 8000;
  private static final int WINDOW = 256;
  private static final int HOP = 160;
  private static final double BAND_LOW_HZ = 300;
  private static final double BAND_HIGH_HZ = 3400;

  @Test
  void findsHarmonicVoicesFrom75To500HzInTelephoneBandAt10DbSnr() {
    Random random = new Random(20240501L);
    int voiced = 0;
    int within5Percent = 0;
    int frames = 0;
    for (int step = 0; step < 25; step++) {
      double f0Hz = 75 * Math.pow(500 / 75.0, step / 24.0);
      // Slow vibrato: +-1 % at 5 Hz.
      DoubleUnaryOperator f0AtS = t -> f0Hz * (1 + 0.01 * Math.sin(2 * Math.PI * 5 * t));
      float[] signal = harmonicVoice(f0AtS, 1.0, random);
      addWhiteNoise(signal, 10, random);
      PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
      for (int start = 0; start + WINDOW <= signal.length; start += HOP) {
        double truth = f0AtS.applyAsDouble((start + WINDOW / 2.0) / RATE_HZ);
        double f0 = tracker.f0Hz(window(signal, start));
        frames++;
        if (f0 > 0) {
          voiced++;
          if (Math.abs(f0 - truth) <= 0.05 * truth) {
            within5Percent++;
          }
        }
      }
    }
    assertTrue(voiced >= 0.9 * frames, "voiced " + voiced + " of " + frames);
    assertTrue(within5Percent >= 0.99 * voiced, within5Percent + " of " + voiced + " within 5 %");
  }

  @Test
  void findsAnExactlyPeriodic250HzToneWhoseFastYinReadingIsUnvoiced() {
    // 250 Hz at 8 kHz is a period of exactly 32 samples: FastYin 2.4 calls such input unvoiced.
    float[] signal = harmonicVoice(t -> 250, 0.5, new Random(7));
    PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
    int voiced = 0;
    int frames = 0;
    for (int start = 0; start + WINDOW <= signal.length; start += HOP) {
      double f0 = tracker.f0Hz(window(signal, start));
      frames++;
      if (f0 > 0) {
        voiced++;
        assertEquals(250, f0, 2.5);
      }
    }
    assertTrue(voiced >= frames - 2, "voiced " + voiced + " of " + frames);
  }

  @Test
  void doesNotReportALowMaleVoiceWithoutItsFundamentalAnOctaveUp() {
    Random random = new Random(85110L);
    // Intonation between 85 and 110 Hz; nothing below 300 Hz, so the 3rd or 4th harmonic is
    // the lowest one present.
    DoubleUnaryOperator f0AtS = t -> 97.5 + 12.5 * Math.sin(2 * Math.PI * 0.7 * t);
    float[] signal = harmonicVoice(f0AtS, 2.0, random);
    addWhiteNoise(signal, 20, random);
    PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
    int voiced = 0;
    int correct = 0;
    int octaveUp = 0;
    int frames = 0;
    for (int start = 0; start + WINDOW <= signal.length; start += HOP) {
      double truth = f0AtS.applyAsDouble((start + WINDOW / 2.0) / RATE_HZ);
      double f0 = tracker.f0Hz(window(signal, start));
      frames++;
      if (f0 > 0) {
        voiced++;
        if (Math.abs(f0 - truth) <= 0.05 * truth) {
          correct++;
        } else if (f0 > 1.5 * truth) {
          octaveUp++;
        }
      }
    }
    assertEquals(0, octaveUp, "frames reported an octave (or more) up");
    assertTrue(voiced >= 0.9 * frames, "voiced " + voiced + " of " + frames);
    assertTrue(correct >= 0.99 * voiced, correct + " of " + voiced + " within 5 %");
  }

  @Test
  void followsAGlideFrom120To240HzOverOneSecond() {
    Random random = new Random(120240L);
    // An octave in one second is a steep but real rise; the octave guard must not fold it back.
    DoubleUnaryOperator f0AtS = t -> 120 * Math.pow(2, Math.min(1, Math.max(0, t - 0.2)));
    float[] signal = harmonicVoice(f0AtS, 1.4, random);
    addWhiteNoise(signal, 20, random);
    PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
    int voiced = 0;
    int correct = 0;
    double lastF0 = 0;
    for (int start = 0; start + WINDOW <= signal.length; start += HOP) {
      double truth = f0AtS.applyAsDouble((start + WINDOW / 2.0) / RATE_HZ);
      double f0 = tracker.f0Hz(window(signal, start));
      if (f0 > 0) {
        voiced++;
        lastF0 = f0;
        if (Math.abs(f0 - truth) <= 0.05 * truth) {
          correct++;
        }
      }
    }
    assertTrue(correct >= 0.97 * voiced, correct + " of " + voiced + " within 5 %");
    assertEquals(240, lastF0, 12, "end of the glide");
  }

  @Test
  void followsAShoutAnOctaveAboveALongCalmStretch() {
    Random random = new Random(1212L);
    // 3 s at 110 Hz, then a rise of 12 semitones in 0.3 s, about the most shouting adds: the
    // jump cost of the path must not hold the track down on the long calm stretch.
    DoubleUnaryOperator f0AtS = t -> 110 * Math.pow(2, Math.min(1, Math.max(0, (t - 3) / 0.3)));
    float[] signal = harmonicVoice(f0AtS, 4.5, random);
    addWhiteNoise(signal, 20, random);
    PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
    int shoutFrames = 0;
    int shoutCorrect = 0;
    for (int start = 0; start + WINDOW <= signal.length; start += HOP) {
      double centreS = (start + WINDOW / 2.0) / RATE_HZ;
      double f0 = tracker.f0Hz(window(signal, start));
      if (centreS > 3.4) {
        shoutFrames++;
        if (Math.abs(f0 - 220) <= 11) {
          shoutCorrect++;
        }
      }
    }
    assertTrue(shoutCorrect >= shoutFrames - 1, shoutCorrect + " of " + shoutFrames + " at 220 Hz");
  }

  @Test
  void callsSilenceAndWhiteNoiseUnvoiced() {
    PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
    float[] silence = new float[WINDOW];
    for (int i = 0; i < 50; i++) {
      assertEquals(0, tracker.f0Hz(silence));
      assertEquals(0f, tracker.lastProbability());
    }

    Random random = new Random(404L);
    float[] noise = new float[(int) (5 * RATE_HZ)];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (0.1 * random.nextGaussian());
    }
    int voiced = 0;
    int frames = 0;
    for (int start = 0; start + WINDOW <= noise.length; start += HOP) {
      frames++;
      if (tracker.f0Hz(window(noise, start)) > 0) {
        voiced++;
      }
    }
    assertTrue(voiced <= 0.02 * frames, "noise voiced on " + voiced + " of " + frames);
  }

  @Test
  void callsTelephoneBandNoiseUnvoiced() {
    Random random = new Random(300L);
    float[] noise = bandLimitedNoise(2.0, random);
    PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
    int voiced = 0;
    int frames = 0;
    for (int start = 0; start + WINDOW <= noise.length; start += HOP) {
      frames++;
      if (tracker.f0Hz(window(noise, start)) > 0) {
        voiced++;
      }
    }
    assertTrue(voiced <= 0.05 * frames, "noise voiced on " + voiced + " of " + frames);
  }

  @Test
  void startsAfreshAfterSkippedFrames() {
    Random random = new Random(11L);
    PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
    float[] low = harmonicVoice(t -> 110, 0.5, random);
    for (int start = 0; start + WINDOW <= low.length; start += HOP) {
      tracker.f0Hz(window(low, start));
    }
    for (int i = 0; i < 10; i++) {
      tracker.noteUnvoiced();
    }
    // An octave above the previous voice, after a pause: a new turn, not an octave error.
    float[] high = harmonicVoice(t -> 220, 0.5, random);
    int frames = 0;
    int correct = 0;
    for (int start = 0; start + WINDOW <= high.length; start += HOP) {
      double f0 = tracker.f0Hz(window(high, start));
      frames++;
      if (Math.abs(f0 - 220) <= 11) {
        correct++;
      }
    }
    assertTrue(correct >= frames - 1, correct + " of " + frames + " frames at 220 Hz");
  }

  @Test
  void reportsPeriodicityOfVoicedFrames() {
    float[] signal = harmonicVoice(t -> 180, 0.3, new Random(3));
    PitchTracker tracker = new PitchTracker(RATE_HZ, WINDOW);
    double f0 = 0;
    for (int start = 0; start + WINDOW <= signal.length; start += HOP) {
      f0 = tracker.f0Hz(window(signal, start));
    }
    assertEquals(180, f0, 2);
    assertTrue(tracker.lastProbability() > 0.9f, "periodicity " + tracker.lastProbability());
    assertTrue(tracker.lastProbability() <= 1.0f);
  }

  @Test
  void extractorReportsPitchOfASyntheticVoice() {
    float[] signal = harmonicVoice(t -> 150, 1.0, new Random(5));
    short[] pcm = new short[signal.length];
    for (int i = 0; i < signal.length; i++) {
      pcm[i] = (short) Math.round(signal[i] * 8000);
    }
    LegFeatureExtractor extractor = new LegFeatureExtractor(RATE_HZ);
    int voiced = 0;
    int frames = 0;
    for (int offset = 0; offset + HOP <= pcm.length; offset += HOP) {
      LegFeatures features = extractor.accept(pcm, offset, HOP, false);
      if (features.timeS > 0.1) {
        frames++;
        if (features.voiced()) {
          voiced++;
          assertEquals(150, features.f0Hz, 3);
        }
      }
    }
    assertTrue(voiced >= frames - 2, "voiced " + voiced + " of " + frames);
  }

  /**
   * A voice of time-varying F0 as a telephone line carries it: only the harmonics inside 300-3400
   * Hz, each with amplitude 1/k (a natural roll-off) and a random starting phase, so the
   * fundamental itself is missing whenever it lies below 300 Hz. Normalised to RMS 0.1.
   */
  private static float[] harmonicVoice(DoubleUnaryOperator f0AtS, double seconds, Random random) {
    int n = (int) (seconds * RATE_HZ);
    int maxHarmonic = (int) (BAND_HIGH_HZ / 60);
    double[] phase = new double[maxHarmonic + 1];
    for (int k = 1; k <= maxHarmonic; k++) {
      phase[k] = 2 * Math.PI * random.nextDouble();
    }
    double[] out = new double[n];
    double f0Phase = 0;
    for (int i = 0; i < n; i++) {
      double f0 = f0AtS.applyAsDouble(i / RATE_HZ);
      f0Phase += 2 * Math.PI * f0 / RATE_HZ;
      double sum = 0;
      for (int k = 1; k <= maxHarmonic; k++) {
        double harmonicHz = k * f0;
        if (harmonicHz >= BAND_LOW_HZ && harmonicHz <= BAND_HIGH_HZ) {
          sum += Math.sin(k * f0Phase + phase[k]) / k;
        }
      }
      out[i] = sum;
    }
    return scaledToRms(out, 0.1);
  }

  /** White Gaussian noise at {@code snrDb} below the signal's power. */
  private static void addWhiteNoise(float[] signal, double snrDb, Random random) {
    double power = 0;
    for (float v : signal) {
      power += v * v;
    }
    power /= signal.length;
    double sigma = Math.sqrt(power / Math.pow(10, snrDb / 10));
    for (int i = 0; i < signal.length; i++) {
      signal[i] += (float) (sigma * random.nextGaussian());
    }
  }

  /** Gaussian noise kept to 300-3400 Hz by a sum of random-phase sines every 5 Hz. */
  private static float[] bandLimitedNoise(double seconds, Random random) {
    int n = (int) (seconds * RATE_HZ);
    double[] out = new double[n];
    for (double hz = BAND_LOW_HZ; hz <= BAND_HIGH_HZ; hz += 5) {
      double amplitude = random.nextGaussian();
      double phase = 2 * Math.PI * random.nextDouble();
      double step = 2 * Math.PI * hz / RATE_HZ;
      for (int i = 0; i < n; i++) {
        out[i] += amplitude * Math.sin(step * i + phase);
      }
    }
    return scaledToRms(out, 0.1);
  }

  private static float[] scaledToRms(double[] x, double rms) {
    double power = 0;
    for (double v : x) {
      power += v * v;
    }
    double gain = rms / Math.sqrt(power / x.length);
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) (x[i] * gain);
    }
    return out;
  }

  private static float[] window(float[] signal, int start) {
    float[] w = new float[WINDOW];
    System.arraycopy(signal, start, w, 0, WINDOW);
    return w;
  }
}
