package io.tonewatch.evaluation.report;

/**
 * Fixed-point decimal text without {@code String.format}: a feature CSV of an hour-long call has
 * millions of numbers, and the output must not depend on the default locale.
 */
final class Decimals {

  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private Decimals() {}

  /**
   * Appends {@code value} rounded half away from zero to {@code digits} decimals (0-6); NaN and
   * infinities as {@code nan}, {@code inf}, {@code -inf}, which pandas and R both read.
   */
  static StringBuilder append(StringBuilder out, double value, int digits) {
    if (Double.isNaN(value)) {
      return out.append("nan");
    }
    if (Double.isInfinite(value)) {
      return out.append(value > 0 ? "inf" : "-inf");
    }
    long scale = POWERS[digits];
    long scaled = Math.round(Math.abs(value) * scale);
    if (scaled != 0 && value < 0) {
      out.append('-');
    }
    out.append(scaled / scale);
    if (digits > 0) {
      out.append('.');
      String fraction = Long.toString(scaled % scale);
      for (int i = fraction.length(); i < digits; i++) {
        out.append('0');
      }
      out.append(fraction);
    }
    return out;
  }
}
