package io.tonewatch.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalsTest {

  private static String fixed(double value, int digits) {
    return Decimals.append(new StringBuilder(), value, digits).toString();
  }

  @Test
  void roundsHalfAwayFromZeroAndPadsTheFraction() {
    assertEquals("1.05", fixed(1.046, 2));
    assertEquals("-1.05", fixed(-1.046, 2));
    assertEquals("3.000", fixed(3, 3));
    assertEquals("0.007", fixed(0.0065, 3));
    assertEquals("12", fixed(11.5, 0));
  }

  @Test
  void neverWritesNegativeZeroAndNamesNonFiniteValues() {
    assertEquals("0.00", fixed(-0.001, 2));
    assertEquals("nan", fixed(Double.NaN, 2));
    assertEquals("-inf", fixed(Double.NEGATIVE_INFINITY, 1));
  }
}
