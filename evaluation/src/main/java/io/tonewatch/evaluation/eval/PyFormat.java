package io.tonewatch.evaluation.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's {@code f"{x:.Nf}"}, so that summary lines match score.py character for character: it
 * rounds the exact binary value half to even (Java's formatter rounds the shortest decimal half up,
 * so 0.125 would print 0.13 instead of 0.12), keeps the sign of negative zero, and writes {@code
 * nan}, {@code inf} and {@code -inf}.
 */
final class PyFormat {

  private PyFormat() {}

  static String fixed(double value, int digits) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String text = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    boolean negative = Double.doubleToRawLongBits(value) < 0;
    return negative && !text.startsWith("-") ? "-" + text : text;
  }
}
