package io.tonewatch.ingest.codec;

/**
 * The adaptive predictor and quantizer scale of one G.722 sub-band (ITU-T G.722 §6.2, blocks 3 and
 * 4): a pole-zero predictor of 2 poles and 6 zeros updated by sign-sign rules, and a logarithmic
 * scale factor. Both bands share this arithmetic; they differ in their tables and limits (given by
 * the caller). All arithmetic is the standard's 16-bit fixed point. Mutable, owned by one decoder.
 */
final class G722Band {
  /** Quantizer scale (DETL / DETH). */
  int det;

  /** Log scale factor (NBL / NBH). */
  private int nb;

  /** Predicted signal (SL / SH). */
  int s;

  private int sz; // zero-section output
  private final int[] a = new int[3]; // pole coefficients A1, A2 (index 0 unused)
  private final int[] ap = new int[3];
  private final int[] b = new int[7]; // zero coefficients B1..B6
  private final int[] bp = new int[7];
  private final int[] d = new int[7]; // quantized difference signal, D0..D6
  private final int[] p = new int[3]; // partially reconstructed signal, P0..P2
  private final int[] r = new int[3]; // reconstructed signal, R0..R2
  private final int initialDet;

  G722Band(int initialDet) {
    this.initialDet = initialDet;
    reset();
  }

  void reset() {
    det = initialDet;
    nb = 0;
    s = 0;
    sz = 0;
    java.util.Arrays.fill(a, 0);
    java.util.Arrays.fill(ap, 0);
    java.util.Arrays.fill(b, 0);
    java.util.Arrays.fill(bp, 0);
    java.util.Arrays.fill(d, 0);
    java.util.Arrays.fill(p, 0);
    java.util.Arrays.fill(r, 0);
  }

  /**
   * LOGSCL then SCALEL/SCALEH (block 3): {@code nb = nb * 127/128 + weight}, limited to {@code [0,
   * nbMax]}, and the linear scale from the 32-entry antilog table, shifted by {@code shift}.
   */
  void adaptScale(int weight, int nbMax, int shift) {
    int wd = ((nb * 127) >> 7) + weight;
    nb = Math.max(0, Math.min(nbMax, wd));
    int mantissa = (nb >> 6) & 31;
    int exponent = shift - (nb >> 11);
    int linear = exponent < 0 ? ILB[mantissa] << -exponent : ILB[mantissa] >> exponent;
    det = linear << 2;
  }

  /** Block 4 with the quantized difference {@code dq}: RECONS ... PREDIC. */
  void update(int dq) {
    // RECONS and PARREC
    d[0] = dq;
    r[0] = sat(s + dq);
    p[0] = sat(sz + dq);
    // UPPOL2
    int sg0 = p[0] >> 15;
    int sg1 = p[1] >> 15;
    int sg2 = p[2] >> 15;
    int wd1 = sat(a[1] << 2);
    int wd2 = Math.min(32767, sg0 == sg1 ? -wd1 : wd1);
    int wd3 = (wd2 >> 7) + (sg0 == sg2 ? 128 : -128) + ((a[2] * 32512) >> 15);
    ap[2] = Math.max(-12288, Math.min(12288, wd3));
    // UPPOL1
    int apl1 = sat((sg0 == sg1 ? 192 : -192) + ((a[1] * 32640) >> 15));
    int limit = sat(15360 - ap[2]);
    ap[1] = Math.max(-limit, Math.min(limit, apl1));
    // UPZERO
    int step = dq == 0 ? 0 : 128;
    int sgd = dq >> 15;
    for (int i = 1; i <= 6; i++) {
      int wd = (d[i] >> 15) == sgd ? step : -step;
      bp[i] = sat(wd + ((b[i] * 32640) >> 15));
    }
    // DELAYA
    for (int i = 6; i >= 1; i--) {
      d[i] = d[i - 1];
      b[i] = bp[i];
    }
    for (int i = 2; i >= 1; i--) {
      r[i] = r[i - 1];
      p[i] = p[i - 1];
      a[i] = ap[i];
    }
    // FILTEP
    int sp = sat(((a[1] * sat(r[1] + r[1])) >> 15) + ((a[2] * sat(r[2] + r[2])) >> 15));
    // FILTEZ
    int zeros = 0;
    for (int i = 6; i >= 1; i--) {
      zeros += (b[i] * sat(d[i] + d[i])) >> 15;
    }
    sz = sat(zeros);
    // PREDIC
    s = sat(sp + sz);
  }

  static int sat(int v) {
    return Math.max(-32768, Math.min(32767, v));
  }

  /** ILB: the antilog table of SCALEL/SCALEH, 2048 * 2^(i/32). */
  private static final int[] ILB = {
    2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
    2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008
  };
}
