package io.tonewatch.evaluation.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyFormatTest {

  @Test
  void roundsTheExactBinaryValueHalfToEvenAsPythonDoes() {
    assertEquals("0.12", PyFormat.fixed(0.125, 2)); // exact tie: to even
    assertEquals("0.38", PyFormat.fixed(0.375, 2));
    assertEquals("2.67", PyFormat.fixed(2.675, 2)); // stored as 2.67499999...
    assertEquals("0.833", PyFormat.fixed(5 / 6.0, 3));
    assertEquals("1.000", PyFormat.fixed(1, 3));
  }

  @Test
  void keepsTheSignOfSmallNegativesAndWritesNanAndInfLikePython() {
    assertEquals("-0.00", PyFormat.fixed(-0.004, 2));
    assertEquals("-0.00", PyFormat.fixed(-0.0, 2));
    assertEquals("nan", PyFormat.fixed(Double.NaN, 3));
    assertEquals("inf", PyFormat.fixed(Double.POSITIVE_INFINITY, 3));
    assertEquals("-inf", PyFormat.fixed(Double.NEGATIVE_INFINITY, 2));
  }
}
