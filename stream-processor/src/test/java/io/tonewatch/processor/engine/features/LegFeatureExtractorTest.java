package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which frames of a noisy line the extractor calls speech. */
class LegFeatureExtractorTest {
  private static final int RATE_HZ = 8000;
  private static final int FRAME = 160;
  private static final double NOISE_RMS = 32768 * Math.pow(10, -50 / 20.0) / Math.sqrt(2);

  private final LegFeatureExtractor extractor = new LegFeatureExtractor(RATE_HZ);
  private final Random random = new Random(11);

  @Test
  void aQuietVoiceEightDbAboveTheNoiseIsSpeechByItsPeriodicity() {
    feed(3, 0); // the floor settles on the noise
    // A 150 Hz voice 8 dB above the noise: mostly under the 12 dB margin (energy alone calls 26 of
    // these 100 frames speech).
    int[] counts = feed(2, 8);
    assertTrue(counts[0] >= 60, "voice frames called speech: " + counts[0] + " of 100");
    assertTrue(counts[1] >= 60, "voice frames called voiced: " + counts[1] + " of 100");
  }

  @Test
  void aVoiceOnlyFourDbAboveTheNoiseIsStillMostlyVoiced() {
    feed(3, 0);
    feed(1, 8); // the line's speech peaks: about 10 dB SNR
    // Fixed margins (6 dB over the floor, periodicity uncompensated) voiced 1 of these 100 frames;
    // about 40 are voiced now.
    int[] counts = feed(2, 4);
    assertTrue(counts[1] >= 30, "voice frames called voiced: " + counts[1] + " of 100");
  }

  @Test
  void noiseEightDbAboveTheLineNoiseIsNotSpeech() {
    feed(3, 0);
    // Energy alone calls about a fifth of these frames speech (the floor sits under the noise's
    // mean); periodicity must add none.
    int[] counts = feedNoise(2, 8);
    assertTrue(counts[0] <= 30, "noise frames called speech: " + counts[0] + " of 100");
  }

  @Test
  void theTiltOfANoisyLineReadsTheVoiceNotTheNoise() {
    // A voice falling 9 dB an octave, 6 dB over white noise: the noise fills the upper band.
    LegFeatureExtractor clean = new LegFeatureExtractor(RATE_HZ);
    double cleanTiltDb = medianVoicedTiltDb(clean, 2, 6, false);
    feed(6, 0); // the line's noise alone: the floor settles (3.5 s), then the tilt learns the noise
    double noisyTiltDb = medianVoicedTiltDb(extractor, 2, 6, true);
    assertEquals(cleanTiltDb, noisyTiltDb, 2.5, "clean " + cleanTiltDb + ", noisy " + noisyTiltDb);
  }

  /** Median tilt of the voiced frames of a steep voice {@code voiceDb} over the line's noise. */
  private double medianVoicedTiltDb(
      LegFeatureExtractor target, double seconds, double voiceDb, boolean withNoise) {
    double voiceRms = NOISE_RMS * Math.pow(10, voiceDb / 20);
    double[] amplitude = new double[21];
    double power = 0;
    for (int k = 2; k <= 20; k++) {
      amplitude[k] = Math.pow(k, -1.5);
      power += amplitude[k] * amplitude[k] / 2;
    }
    double scale = voiceRms / Math.sqrt(power);
    short[] frame = new short[FRAME];
    int frames = (int) (seconds * RATE_HZ / FRAME);
    List<Double> tilts = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < FRAME; i++) {
        double t = (f * FRAME + i) / (double) RATE_HZ;
        double voice = 0;
        for (int k = 2; k <= 20; k++) {
          voice += scale * amplitude[k] * Math.sin(2 * Math.PI * 150 * k * t + k);
        }
        double noise = withNoise ? NOISE_RMS * random.nextGaussian() : 0;
        frame[i] = (short) Math.round(voice + noise);
      }
      LegFeatures features = target.accept(frame, 0, FRAME, false);
      if (features.voiced()) {
        tilts.add(features.tiltDb);
      }
    }
    assertTrue(tilts.size() >= frames / 2, "voiced " + tilts.size() + " of " + frames);
    Collections.sort(tilts);
    return tilts.get(tilts.size() / 2);
  }

  /**
   * {@code seconds} of the line's noise plus, when {@code voiceDb} is above 0, a harmonic voice
   * that much above it; returns the frames called speech and those called voiced.
   */
  private int[] feed(double seconds, double voiceDb) {
    double voiceRms = voiceDb > 0 ? NOISE_RMS * Math.pow(10, voiceDb / 20) : 0;
    double perHarmonic = voiceRms / Math.sqrt(10); // ten equal harmonics, 300-1500 Hz
    int[] counts = new int[2];
    short[] frame = new short[FRAME];
    int frames = (int) (seconds * RATE_HZ / FRAME);
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < FRAME; i++) {
        double t = (f * FRAME + i) / (double) RATE_HZ;
        double voice = 0;
        for (int k = 2; k <= 11; k++) {
          voice += perHarmonic * Math.sqrt(2) * Math.sin(2 * Math.PI * 150 * k * t + k);
        }
        frame[i] = (short) Math.round(voice + NOISE_RMS * random.nextGaussian());
      }
      count(extractor.accept(frame, 0, FRAME, false), counts);
    }
    return counts;
  }

  /** {@code seconds} of noise {@code db} louder than the line's. */
  private int[] feedNoise(double seconds, double db) {
    double rms = NOISE_RMS * Math.pow(10, db / 20);
    int[] counts = new int[2];
    short[] frame = new short[FRAME];
    int frames = (int) (seconds * RATE_HZ / FRAME);
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < FRAME; i++) {
        frame[i] = (short) Math.round(rms * random.nextGaussian());
      }
      count(extractor.accept(frame, 0, FRAME, false), counts);
    }
    return counts;
  }

  private static void count(LegFeatures features, int[] counts) {
    counts[0] += features.speech ? 1 : 0;
    counts[1] += features.voiced() ? 1 : 0;
  }
}
