package io.tonewatch.ingest.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 16 to 8 kHz low-pass, measured with synthetic 16 kHz tones. */
class DecimatorTest {

  @Test
  void passesTheTelephoneBandAndStopsEverythingFrom4Khz() {
    for (int hz : new int[] {300, 1000, 2000, 3000, 3400}) {
      double gainDb = gainDb(hz);
      assertTrue(Math.abs(gainDb) < 0.5, hz + " Hz: " + gainDb + " dB");
    }
    for (int hz : new int[] {4000, 4500, 5000, 6000, 7000, 7900}) {
      double gainDb = gainDb(hz);
      assertTrue(gainDb < -60, hz + " Hz leaks at " + gainDb + " dB");
    }
  }

  /** Output RMS over input RMS of a full-scale-ish tone, in dB. */
  private static double gainDb(double hz) {
    int n = 16000;
    short[] in = new short[n];
    for (int i = 0; i < n; i++) {
      in[i] = (short) Math.round(16000 * Math.sin(2 * Math.PI * hz * i / 16000.0));
    }
    short[] out = new short[n / 2];
    new Decimator().decimate(in, 0, n, out, 0);
    double energy = 0;
    int settle = Decimator.TAPS;
    for (int i = settle; i < out.length; i++) {
      energy += (double) out[i] * out[i];
    }
    double rms = Math.sqrt(energy / (out.length - settle));
    return 20 * Math.log10(Math.max(rms, 1e-3) / (16000 / Math.sqrt(2)));
  }
}
