package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectralTiltTest {
  private static final double SAMPLE_RATE_HZ = 8000;
  private static final int WINDOW = LegFeatureExtractor.WINDOW_SAMPLES;

  private final SpectralTilt tilt = new SpectralTilt(WINDOW, SAMPLE_RATE_HZ);

  @Test
  void readsEqualPowerSinesEitherSideOfTheSplitAsFlat() {
    float[] mix = add(sine(500, 0.3, 0.1), sine(2000, 0.3, 1.7));
    assertEquals(0.0, tilt.tiltDb(mix, 0), 0.5);
  }

  @Test
  void readsEqualPowerSinesBetweenFftBinsAsFlat() {
    float[] mix = add(sine(523.3, 0.3, 0.4), sine(1877.1, 0.3, 2.2));
    assertEquals(0.0, tilt.tiltDb(mix, 0), 0.5);
  }

  @Test
  void readsALowSineAloneAsStronglyNegative() {
    double db = tilt.tiltDb(sine(500, 0.5, 0.0), 0);
    assertTrue(db <= -40, "tilt of 500 Hz alone was " + db);
    assertTrue(db >= -SpectralTilt.LIMIT_DB, "tilt must stay bounded, was " + db);
  }

  @Test
  void readsAHighSineAloneAsStronglyPositive() {
    double db = tilt.tiltDb(sine(2000, 0.5, 0.0), 0);
    assertTrue(db >= 40, "tilt of 2 kHz alone was " + db);
    assertTrue(db <= SpectralTilt.LIMIT_DB, "tilt must stay bounded, was " + db);
  }

  @Test
  void readsAHighSineSixDbLouderAsSixDbFlatter() {
    float[] mix = add(sine(500, 0.2, 0.3), sine(2000, 0.2 * 2, 0.9));
    assertEquals(20 * Math.log10(2), tilt.tiltDb(mix, 0), 0.5);
  }

  @Test
  void doesNotMoveWhenTheSignalIsTwelveDbLouderOrQuieter() {
    float[] voice = harmonicVoice(130, 0.05);
    double reference = tilt.tiltDb(voice, 0);
    assertTrue(reference > -30 && reference < 10, "a voice-like tilt, was " + reference);
    for (double gainDb : new double[] {-12, 12}) {
      float[] scaled = scale(voice, Math.pow(10, gainDb / 20));
      assertEquals(reference, tilt.tiltDb(scaled, 0), 1e-3, "gain " + gainDb + " dB");
    }
  }

  @Test
  void readsTheHammarbergIndexAsTheLowPeakOverTheHighPeak() {
    // 500 Hz and 2500 Hz sit on bins 16 and 80: each peak bin holds its sine's power exactly.
    float[] mix = add(sine(500, 0.3, 0.2), sine(2500, 0.3 / Math.sqrt(10), 1.1));
    tilt.tiltDb(mix, 0);
    assertEquals(10.0, tilt.hammarbergDb(), 0.01);
  }

  @Test
  void hammarbergFollowsPeaksWhereTiltFollowsEnergy() {
    // Spreading the high band's energy over many bins (noise) flattens the tilt but leaves the
    // strongest high bin far under the low one; a single high sine of the same power does not.
    float[] low = sine(500, 0.3, 0.2);
    float[] spread = new float[WINDOW];
    Random random = new Random(5);
    for (int k = 0; k < 40; k++) {
      spread = add(spread, sine(2000 + 31.25 * k, 0.3 / Math.sqrt(40), random.nextDouble() * 6));
    }
    float[] peaked = sine(2500, 0.3, 0.7);
    double spreadTilt = tilt.tiltDb(add(low, spread), 0);
    double spreadHammarberg = tilt.hammarbergDb();
    double peakedTilt = tilt.tiltDb(add(low, peaked), 0);
    double peakedHammarberg = tilt.hammarbergDb();
    assertEquals(peakedTilt, spreadTilt, 1.0, "same energy either side, same tilt");
    assertTrue(
        spreadHammarberg - peakedHammarberg > 6,
        "index " + spreadHammarberg + " dB spread vs " + peakedHammarberg + " dB peaked");
  }

  @Test
  void hammarbergDoesNotMoveWithGain() {
    float[] voice = harmonicVoice(130, 0.05);
    tilt.tiltDb(voice, 0);
    double reference = tilt.hammarbergDb();
    tilt.tiltDb(scale(voice, 0.25), 0);
    assertEquals(reference, tilt.hammarbergDb(), 1e-3);
  }

  @Test
  void ignoresEnergyOutsideTheTelephoneBand() {
    float[] inBand = add(sine(500, 0.2, 0.3), sine(2000, 0.2, 0.9));
    float[] withOutOfBand = add(add(inBand, sine(125, 0.2, 1.1)), sine(3750, 0.2, 2.0));
    assertEquals(tilt.tiltDb(inBand, 0), tilt.tiltDb(withOutOfBand, 0), 0.5);
  }

  @Test
  void readsSilenceAsZeroRatherThanNaN() {
    assertEquals(0.0, tilt.tiltDb(new float[WINDOW], 0));
  }

  @Test
  void measuresTheWindowStartingAtTheOffset() {
    float[] low = sine(500, 0.5, 0.0);
    float[] high = sine(2000, 0.5, 0.0);
    float[] both = new float[2 * WINDOW];
    System.arraycopy(low, 0, both, 0, WINDOW);
    System.arraycopy(high, 0, both, WINDOW, WINDOW);
    assertTrue(tilt.tiltDb(both, 0) <= -40);
    assertTrue(tilt.tiltDb(both, WINDOW) >= 40);
  }

  @Test
  void takesTheLearnedLineNoiseOutOfTheTilt() {
    // A voice 3 dB over white noise: the noise fills the upper band and flattens the raw tilt by
    // many dB; once the noise is learned from windows without the voice, the tilt comes back.
    // (A 310 Hz voice, so that all of its energy lies inside the band.)
    float[] voice = harmonicVoice(310, 0);
    double clean = tilt.tiltDb(voice, 0);
    double noiseRms = Math.sqrt(meanSquare(voice) / 2);
    Random random = new Random(11);
    SpectralTilt learning = new SpectralTilt(WINDOW, SAMPLE_RATE_HZ);
    for (int i = 0; i < 200; i++) {
      learning.learnNoise(whiteNoise(noiseRms, random), 0);
    }
    double raw = 0;
    double corrected = 0;
    int trials = 40;
    for (int i = 0; i < trials; i++) {
      float[] noisy = add(voice, whiteNoise(noiseRms, random));
      raw += tilt.tiltDb(noisy, 0) / trials;
      corrected += learning.tiltDb(noisy, 0) / trials;
    }
    assertTrue(raw - clean > 8, "noise flattens the raw tilt: " + raw + " against " + clean);
    assertEquals(clean, corrected, 1.5, "raw " + raw);
    assertEquals(200, learning.noiseFrames());
  }

  @Test
  void takesTheLearnedNoiseOutOfTheHammarbergPeaks() {
    // The strongest upper bin of noise alone is far above a quiet voice's upper harmonics.
    float[] voice = harmonicVoice(310, 0);
    tilt.tiltDb(voice, 0);
    double clean = tilt.hammarbergDb();
    double noiseRms = Math.sqrt(meanSquare(voice) / 10);
    Random random = new Random(13);
    SpectralTilt learning = new SpectralTilt(WINDOW, SAMPLE_RATE_HZ);
    for (int i = 0; i < 200; i++) {
      learning.learnNoise(whiteNoise(noiseRms, random), 0);
    }
    float[] noisy = add(voice, whiteNoise(noiseRms, random));
    tilt.tiltDb(noisy, 0);
    learning.tiltDb(noisy, 0);
    assertTrue(
        Math.abs(learning.hammarbergDb() - clean) < Math.abs(tilt.hammarbergDb() - clean),
        "learned " + learning.hammarbergDb() + ", raw " + tilt.hammarbergDb() + ", clean " + clean);
  }

  @Test
  void takesAtMostItsShareForNoiseWhenTheNoiseEstimateExceedsTheFrame() {
    Random random = new Random(17);
    for (int i = 0; i < 50; i++) {
      tilt.learnNoise(whiteNoise(0.3, random), 0);
    }
    float[] voice = harmonicVoice(130, 0.001);
    double db = tilt.tiltDb(voice, 0);
    assertTrue(Double.isFinite(db) && Math.abs(db) <= SpectralTilt.LIMIT_DB, "tilt " + db);
    // Both bands hold less than the noise estimate, so each keeps the same share of itself and
    // their ratio is the raw one: the cap bounds the correction, it does not invent a tilt.
    double raw = new SpectralTilt(WINDOW, SAMPLE_RATE_HZ).tiltDb(voice, 0);
    assertEquals(raw, db, 1e-6);
  }

  @Test
  void rejectsAWindowThatIsNotAPowerOfTwo() {
    assertThrows(IllegalArgumentException.class, () -> new SpectralTilt(250, SAMPLE_RATE_HZ));
  }

  private static float[] sine(double hz, double amplitude, double phase) {
    float[] samples = new float[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE_HZ + phase));
    }
    return samples;
  }

  /** Harmonics of {@code f0Hz} up to 3.4 kHz falling 9 dB per octave, with light noise. */
  private static float[] harmonicVoice(double f0Hz, double noise) {
    Random random = new Random(7);
    float[] samples = new float[WINDOW];
    for (int k = 1; k * f0Hz < 3400; k++) {
      double amplitude = 0.3 * Math.pow(k, -9 / (20 * Math.log10(2)));
      double phase = 2 * Math.PI * random.nextDouble();
      for (int i = 0; i < WINDOW; i++) {
        samples[i] +=
            (float) (amplitude * Math.sin(2 * Math.PI * k * f0Hz * i / SAMPLE_RATE_HZ + phase));
      }
    }
    for (int i = 0; i < WINDOW; i++) {
      samples[i] += (float) (noise * random.nextGaussian());
    }
    return samples;
  }

  private static float[] whiteNoise(double rms, Random random) {
    float[] samples = new float[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      samples[i] = (float) (rms * random.nextGaussian());
    }
    return samples;
  }

  private static double meanSquare(float[] samples) {
    double sum = 0;
    for (float s : samples) {
      sum += s * s;
    }
    return sum / samples.length;
  }

  private static float[] add(float[] a, float[] b) {
    float[] sum = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  private static float[] scale(float[] samples, double gain) {
    float[] scaled = new float[samples.length];
    for (int i = 0; i < samples.length; i++) {
      scaled[i] = (float) (samples[i] * gain);
    }
    return scaled;
  }
}
