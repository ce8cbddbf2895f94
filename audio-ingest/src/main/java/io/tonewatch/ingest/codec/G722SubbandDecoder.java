package io.tonewatch.ingest.codec;

/**
 * ITU-T G.722 sub-band ADPCM decoder in mode 1 (64 kbit/s): each octet holds a 6-bit lower-band
 * code (low bits) and a 2-bit higher-band code (high bits); both bands are inverse-quantized and
 * predicted (§6.2), and the 24-tap QMF synthesis (§6.3) turns each pair into two 16 kHz samples.
 * Mutable, owned by one stream's thread.
 */
final class G722SubbandDecoder {
  /** QMF coefficients h0..h23 (§4.4, Table 11), symmetric. */
  private static final int[] H = {
    3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876, 3876, 951, -805, -210, 362, 32, -156,
    12, 53, -11, -11, 3
  };

  /** Lower band, 6-bit inverse quantizer (INVQBL, mode 1), indexed by the 6-bit code. */
  private static final int[] QQ6 = {
    -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232,
    -9360, -8576, -7856, -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776,
    -2400, -2032, -1688, -1360, -1040, -728, 24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
    10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456, 4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
    1688, 1360, 1040, 728, 432, 136, -432, -136
  };

  /** Lower band, 4-bit inverse quantizer (INVQAL) for the predictor, by the 4 high code bits. */
  private static final int[] QQ4 = {
    0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584,
    1200, 0
  };

  /** Lower band: 4-bit code to magnitude index (RIL), and the log scale weights WL. */
  private static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};

  private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};

  /** Higher band: 2-bit inverse quantizer (INVQAH), magnitude index, and weights WH. */
  private static final int[] QQ2 = {-7408, -1616, 7408, 1616};

  private static final int[] RH2 = {2, 1, 2, 1};
  private static final int[] WH = {0, -214, 798};

  private final G722Band low = new G722Band(32);
  private final G722Band high = new G722Band(8);
  private final int[] xd = new int[12]; // rl - rh, newest first
  private final int[] xs = new int[12]; // rl + rh, newest first

  void reset() {
    low.reset();
    high.reset();
    java.util.Arrays.fill(xd, 0);
    java.util.Arrays.fill(xs, 0);
  }

  /** Decodes {@code count} octets from {@code in[offset..]} into {@code 2 * count} samples. */
  void decode(byte[] in, int offset, int count, short[] out, int outOffset) {
    for (int n = 0; n < count; n++) {
      int code = in[offset + n] & 0xFF;
      int rlow = decodeLow(code & 0x3F);
      int rhigh = decodeHigh(code >> 6);
      // Receive QMF (§4.4): xout(j) = sum h(2i) xd(j-i), xout(j+1) = sum h(2i+1) xs(j-i).
      System.arraycopy(xd, 0, xd, 1, 11);
      System.arraycopy(xs, 0, xs, 1, 11);
      xd[0] = rlow - rhigh;
      xs[0] = rlow + rhigh;
      int first = 0;
      int second = 0;
      for (int i = 0; i < 12; i++) {
        first += H[2 * i] * xd[i];
        second += H[2 * i + 1] * xs[i];
      }
      out[outOffset + 2 * n] = (short) G722Band.sat(first >> 11);
      out[outOffset + 2 * n + 1] = (short) G722Band.sat(second >> 11);
    }
  }

  private int decodeLow(int ilr) {
    int dl = (low.det * QQ6[ilr]) >> 15; // INVQBL: 6-bit difference for the output
    int rl = Math.max(-16384, Math.min(16383, low.s + dl)); // RECONS, LIMIT
    int il4 = ilr >> 2;
    int dlt = (low.det * QQ4[il4]) >> 15; // INVQAL: 4-bit difference for the predictor
    low.adaptScale(WL[RL42[il4]], 18432, 8);
    low.update(dlt);
    return rl;
  }

  private int decodeHigh(int ih) {
    int dh = (high.det * QQ2[ih]) >> 15;
    int rh = Math.max(-16384, Math.min(16383, high.s + dh));
    high.adaptScale(WH[RH2[ih]], 22528, 10);
    high.update(dh);
    return rh;
  }
}
