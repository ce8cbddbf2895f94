package io.tonewatch.evaluation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  @Test
  void reportsTheMedianPassByCpuTimeAndListsEveryPass() {
    BenchResult slow = pass(6_000_000_000L);
    BenchResult median = pass(4_000_000_000L);
    BenchResult fast = pass(3_000_000_000L);
    StringWriter text = new StringWriter();
    BenchResult chosen =
        BenchReport.printPasses(new PrintWriter(text, true), List.of(slow, fast, median));
    assertSame(median, chosen);
    assertTrue(
        text.toString().contains("6.00 s (2400x) 3.00 s (4800x) 4.00 s (3600x)"), text.toString());
  }

  @Test
  void aSinglePassIsItsOwnMedianAndNotListed() {
    BenchResult only = pass(4_000_000_000L);
    StringWriter text = new StringWriter();
    assertSame(only, BenchReport.printPasses(new PrintWriter(text, true), List.of(only)));
    assertEquals("", text.toString());
  }

  private static BenchResult pass(long cpuNs) {
    return new BenchResult(14_400, 720_000, 90_000, 800, 40_000, cpuNs, 3_600_000, 616);
  }
}
