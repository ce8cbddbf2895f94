package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LevelMeterTest {
  private static final double SAMPLE_RATE_HZ = 8000;
  private static final double EXACT_DB = 1e-6;

  @Test
  void readsAFullScaleSineOverWholePeriodsAsZeroDbfs() {
    // 250 Hz has a period of 32 samples: 256 samples hold exactly 8 periods.
    assertEquals(0.0, LevelMeter.dbfs(sine(250, 1.0, 256, 0.3), 0, 256), EXACT_DB);
    // 440 Hz completes exactly 440 periods in one second.
    assertEquals(0.0, LevelMeter.dbfs(sine(440, 1.0, 8000, 1.1), 0, 8000), EXACT_DB);
  }

  @Test
  void readsAFullScaleSineOverAnyLongBlockWithinAHundredthOfADb() {
    // 1 s plus a fraction of a period: the part period moves the reading by far less than 0.01 dB.
    assertEquals(0.0, LevelMeter.dbfs(sine(1234.5, 1.0, 8003, 0.0), 0, 8003), 0.01);
  }

  @Test
  void readsAHalfAmplitudeSineSixPointZeroTwoDbDown() {
    double expected = 20 * Math.log10(0.5); // -6.0206 dB
    assertEquals(expected, LevelMeter.dbfs(sine(250, 0.5, 256, 0.0), 0, 256), EXACT_DB);
    assertEquals(-6.0206, expected, 1e-4);
  }

  @Test
  void readsAFullScaleSquareWaveThreePointZeroOneDbAboveASine() {
    float[] square = new float[256];
    for (int i = 0; i < square.length; i++) {
      square[i] = (i / 16) % 2 == 0 ? 1f : -1f; // 250 Hz, 8 whole periods
    }
    assertEquals(10 * Math.log10(2), LevelMeter.dbfs(square, 0, 256), EXACT_DB);
    assertEquals(3.0103, LevelMeter.dbfs(square, 0, 256), 1e-4);
  }

  @Test
  void readsAConstantDcOfAQuarterScaleAsItsMeanSquareAgainstASine() {
    float[] dc = new float[256];
    java.util.Arrays.fill(dc, 0.25f);
    // mean square 1/16 against a sine's 1/2: 10·log10(1/8) = -9.0309 dB
    assertEquals(10 * Math.log10(0.125), LevelMeter.dbfs(dc, 0, 256), EXACT_DB);
    assertEquals(-9.0309, LevelMeter.dbfs(dc, 0, 256), 1e-4);
  }

  @Test
  void readsDigitalSilenceAsTheSilenceFloorNeverMinusInfinity() {
    float[] silence = new float[256];
    double level = LevelMeter.dbfs(silence, 0, 256);
    assertEquals(LevelMeter.SILENCE_DBFS, level);
    assertTrue(Double.isFinite(level));
    assertEquals(LevelMeter.SILENCE_DBFS, LevelMeter.dbfsOfMeanSquare(0));
  }

  @Test
  void floorsVanishinglyQuietSignalsAtTheSilenceFloor() {
    assertEquals(LevelMeter.SILENCE_DBFS, LevelMeter.dbfsOfMeanSquare(1e-30));
    float[] lsb = new float[256];
    java.util.Arrays.fill(lsb, 1f / 32768f); // one LSB of 16-bit audio: about -87 dBFS
    double level = LevelMeter.dbfs(lsb, 0, 256);
    assertEquals(20 * Math.log10(1.0 / 32768) + 10 * Math.log10(2), level, EXACT_DB);
    assertTrue(level > LevelMeter.SILENCE_DBFS);
  }

  @Test
  void measuresOnlyTheRequestedBlock() {
    float[] samples = new float[512];
    float[] loud = sine(250, 1.0, 256, 0.0);
    System.arraycopy(loud, 0, samples, 256, 256);
    assertEquals(LevelMeter.SILENCE_DBFS, LevelMeter.dbfs(samples, 0, 256));
    assertEquals(0.0, LevelMeter.dbfs(samples, 256, 256), EXACT_DB);
  }

  @Test
  void movesByExactlyTheGainAppliedToNoise() {
    Random random = new Random(42);
    float[] noise = new float[4096];
    float[] louder = new float[noise.length];
    double gain = Math.pow(10, 12 / 20.0);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (0.01 * random.nextGaussian());
      louder[i] = (float) (noise[i] * gain);
    }
    double delta =
        LevelMeter.dbfs(louder, 0, louder.length) - LevelMeter.dbfs(noise, 0, noise.length);
    assertEquals(12.0, delta, 1e-4); // float rounding of the scaled samples only
  }

  private static float[] sine(double hz, double amplitude, int length, double phase) {
    float[] samples = new float[length];
    for (int i = 0; i < length; i++) {
      samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE_HZ + phase));
    }
    return samples;
  }
}
