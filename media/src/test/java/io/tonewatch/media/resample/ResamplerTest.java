package io.tonewatch.media.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

  private static final double AMPLITUDE = 10_000;

  @ParameterizedTest
  @ValueSource(ints = {16000, 44100, 48000, 11025, 22050, 32000})
  void keepsTheFrequencyAndAmplitudeOfA1kHzSineTakenTo8kHz(int fromHz) {
    short[] out = Resampler.resample(sine(1000, fromHz, 1.0), fromHz, 8000);

    assertMatchesSine(out, 8000, 1000);
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 44100, 48000})
  void keepsA1kHzSineTakenUpFrom8kHz(int toHz) {
    short[] out = Resampler.resample(sine(1000, 8000, 1.0), 8000, toHz);

    assertMatchesSine(out, toHz, 1000);
  }

  @Test
  void keepsTheTopOfTheTelephoneBand() {
    short[] out = Resampler.resample(sine(3400, 16000, 1.0), 16000, 8000);

    assertMatchesSine(out, 8000, 3400);
  }

  @Test
  void handlesRatesWithoutACommonFactor() {
    // 44100/7999 reduces to 44100/7999 itself: more phases than are tabulated exactly.
    short[] out = Resampler.resample(sine(1000, 44100, 1.0), 44100, 7999);

    assertMatchesSine(out, 7999, 1000);
  }

  @ParameterizedTest
  @CsvSource({
    "16000, 5000",
    "16000, 4100",
    "16000, 7900",
    "44100, 4400",
    "44100, 6000",
    "44100, 15000",
    "48000, 4500",
    "48000, 11000",
    "48000, 23000"
  })
  void removesToneAbove4kHzInsteadOfAliasingThem(int fromHz, int toneHz) {
    short[] out = Resampler.resample(sine(toneHz, fromHz, 1.0), fromHz, 8000);

    double levelDb = 20 * Math.log10(rms(out, 800, out.length - 800) * Math.sqrt(2) / AMPLITUDE);
    assertTrue(
        levelDb <= -40, toneHz + " Hz at " + fromHz + " Hz came through at " + levelDb + " dB");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 16000, 8000, 0",
    "1, 16000, 8000, 1",
    "3, 16000, 8000, 2",
    "5, 16000, 8000, 3",
    "1, 44100, 8000, 0",
    "6, 44100, 8000, 1",
    "44100, 44100, 8000, 8000",
    "44101, 44100, 8000, 8000",
    "1000, 8000, 44100, 5513",
    "160, 8000, 48000, 960",
    "12345, 48000, 7999, 2057"
  })
  void returnsTheInputLengthTimesTheRatioRounded(int length, int fromHz, int toHz, int expected) {
    assertEquals(expected, Resampler.resample(new short[length], fromHz, toHz).length);
  }

  @Test
  void returnsACopyWhenTheRatesAreEqual() {
    short[] in = {1, -2, 3, Short.MAX_VALUE, Short.MIN_VALUE};

    short[] out = Resampler.resample(in, 8000, 8000);

    assertArrayEquals(in, out);
    assertNotSame(in, out);
  }

  @Test
  void clampsOvershootInsteadOfWrappingAround() {
    // A full-scale 100 Hz square wave rings past full scale at each edge (Gibbs).
    short[] square = new short[16000];
    for (int i = 0; i < square.length; i++) {
      square[i] = (i / 80) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
    }

    short[] out = Resampler.resample(square, 16000, 8000);

    int max = 0;
    int min = 0;
    for (int n = 50; n < out.length - 50; n++) {
      max = Math.max(max, out[n]);
      min = Math.min(min, out[n]);
      int inputIndex = 2 * n;
      int fromEdge = Math.min(inputIndex % 80, 80 - inputIndex % 80);
      if (fromEdge >= 2) {
        assertEquals(square[inputIndex] > 0, out[n] > 0, "sign at output " + n);
      }
    }
    assertEquals(Short.MAX_VALUE, max);
    assertEquals(Short.MIN_VALUE, min);
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new short[1], 0, 8000));
    assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new short[1], 8000, -1));
  }

  /**
   * Asserts that {@code out} is a sine of {@code toneHz} at {@link #AMPLITUDE} within 0.5 dB, in
   * phase with the input (output sample n sits at input time n * fromHz / toHz) and nearly pure.
   */
  private static void assertMatchesSine(short[] out, int sampleRateHz, double toneHz) {
    int skip = sampleRateHz / 10; // the ends ring against the silence beyond them
    int from = skip;
    int to = out.length - skip;
    double cos = 0;
    double sin = 0;
    for (int n = from; n < to; n++) {
      double phase = 2 * Math.PI * toneHz * n / sampleRateHz;
      cos += out[n] * Math.cos(phase);
      sin += out[n] * Math.sin(phase);
    }
    double amplitude = 2 * Math.hypot(cos, sin) / (to - from);
    double gainDb = 20 * Math.log10(amplitude / AMPLITUDE);
    assertTrue(Math.abs(gainDb) < 0.5, toneHz + " Hz gain was " + gainDb + " dB");

    double errorSquares = 0;
    for (int n = from; n < to; n++) {
      double ideal = AMPLITUDE * Math.sin(2 * Math.PI * toneHz * n / sampleRateHz);
      errorSquares += (out[n] - ideal) * (out[n] - ideal);
    }
    double errorDb = 20 * Math.log10(Math.sqrt(errorSquares / (to - from)) / AMPLITUDE);
    assertTrue(errorDb < -50, "differs from the ideal sine by " + errorDb + " dB");
  }

  private static short[] sine(double toneHz, int sampleRateHz, double durationS) {
    short[] samples = new short[(int) Math.round(durationS * sampleRateHz)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] =
          (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * toneHz * i / sampleRateHz));
    }
    return samples;
  }

  private static double rms(short[] samples, int from, int to) {
    double squares = 0;
    for (int i = from; i < to; i++) {
      squares += (double) samples[i] * samples[i];
    }
    return Math.sqrt(squares / (to - from));
  }
}
