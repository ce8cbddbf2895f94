package io.tonewatch.ingest.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** G.722 at the 8 kHz output: a 1 kHz tone survives, a 6 kHz tone does not fold to 2 kHz. */
public class G722DecoderTest {
  /** Skip the decoder's and filter's start-up. */
  private static final int SETTLE = 400;

  @Test
  void aThousandHertzToneDecodesAtThousandHertzWithGoodSnr() throws IOException {
    short[] out = decodeInPackets(G722SubbandDecoderTest.resource("tone1000.g722"));
    assertEquals(8000, out.length);
    double[] fit = fitSine(out, 1000);
    double amplitude = Math.hypot(fit[0], fit[1]);
    assertEquals(0.5 * 32768, amplitude, 0.5 * 32768 * 0.06, "-6 dBFS, within 0.5 dB");
    double snr = snrAgainstFit(out, 1000, fit);
    assertTrue(snr >= 30, "SNR " + snr + " dB");
    // The strongest of 100 Hz steps up to 3.9 kHz is 1 kHz.
    double best = 0;
    int bestHz = 0;
    for (int hz = 100; hz < 4000; hz += 100) {
      double[] f = fitSine(out, hz);
      double level = Math.hypot(f[0], f[1]);
      if (level > best) {
        best = level;
        bestHz = hz;
      }
    }
    assertEquals(1000, bestHz);
  }

  @Test
  void aSixKilohertzToneDoesNotAliasIntoTheTelephoneBand() throws IOException {
    short[] out = decodeInPackets(G722SubbandDecoderTest.resource("tone6000.g722"));
    double rms = 0;
    for (int i = SETTLE; i < out.length; i++) {
      rms += (double) out[i] * out[i];
    }
    rms = Math.sqrt(rms / (out.length - SETTLE));
    double dbBelowTone = 20 * Math.log10(0.5 * 32768 / Math.sqrt(2) / Math.max(rms, 1e-9));
    // What is left is G.722's own quantisation noise: ffmpeg's 16 kHz decode of this file already
    // holds about -51 dB of it below 3.4 kHz. A folded tone would be far louder.
    assertTrue(dbBelowTone > 40, "6 kHz leaks at only " + dbBelowTone + " dB below the tone");
    double[] alias = fitSine(out, 2000);
    double aliasDb = 20 * Math.log10(Math.hypot(alias[0], alias[1]) / (0.5 * 32768));
    assertTrue(aliasDb < -60, "the 6 kHz tone folds to 2 kHz at " + aliasDb + " dB");
  }

  @Test
  void decoderReportsOneSamplePerOctet() {
    G722Decoder decoder = new G722Decoder();
    assertEquals(1, decoder.channels());
    assertEquals(160, decoder.samplesPerChannel(160));
  }

  private static short[] decodeInPackets(byte[] g722) {
    G722Decoder decoder = new G722Decoder();
    short[] out = new short[g722.length];
    short[] packet = new short[160];
    for (int at = 0; at < g722.length; at += 160) {
      decoder.decode(g722, at, 160, packet);
      System.arraycopy(packet, 0, out, at, 160);
    }
    return out;
  }

  /** Least-squares sine and cosine amplitudes at {@code hz} over the settled part. */
  public static double[] fitSine(short[] x, double hz) {
    double ss = 0;
    double cc = 0;
    double sc = 0;
    double xs = 0;
    double xc = 0;
    for (int i = SETTLE; i < x.length; i++) {
      double w = 2 * Math.PI * hz * i / 8000.0;
      double s = Math.sin(w);
      double c = Math.cos(w);
      ss += s * s;
      cc += c * c;
      sc += s * c;
      xs += x[i] * s;
      xc += x[i] * c;
    }
    double det = ss * cc - sc * sc;
    return new double[] {(xs * cc - xc * sc) / det, (xc * ss - xs * sc) / det};
  }

  private static double snrAgainstFit(short[] x, double hz, double[] fit) {
    double signal = 0;
    double noise = 0;
    for (int i = SETTLE; i < x.length; i++) {
      double w = 2 * Math.PI * hz * i / 8000.0;
      double y = fit[0] * Math.sin(w) + fit[1] * Math.cos(w);
      signal += y * y;
      noise += (x[i] - y) * (x[i] - y);
    }
    return 10 * Math.log10(signal / noise);
  }
}
