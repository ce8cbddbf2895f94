package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void intoALogItWritesWholeLinesAndNoCarriageReturns() {
    StringWriter log = new StringWriter();
    try (ProgressBar bar = Progress.bar("simulate", 1000, "frames", false, new PrintWriter(log))) {
      bar.stepBy(400);
      bar.stepBy(600);
    }

    String text = log.toString();
    assertFalse(text.contains("\r"), text);
    List<String> lines = text.lines().toList();
    assertFalse(lines.isEmpty(), "the final state is written when the bar closes");
    for (int i = 0; i < lines.size(); i++) {
      assertTrue(lines.get(i).startsWith("simulate"), lines.get(i));
      assertTrue(i == 0 || !lines.get(i).equals(lines.get(i - 1)), "a repeated line: " + text);
    }
    String last = lines.get(lines.size() - 1);
    assertTrue(last.contains("100%") && last.contains("1000/1000 frames"), last);
  }

  @Test
  void intoALogItWritesALineEveryFewSecondsNotEveryRedraw() {
    StringWriter log = new StringWriter();
    long startNanos = System.nanoTime();
    try (ProgressBar bar = Progress.bar("eval", 10_000, "calls", false, new PrintWriter(log))) {
      for (int i = 0; i < 10_000; i++) {
        bar.step();
      }
    }
    long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;

    assertTrue(Progress.LINE_INTERVAL_MILLIS >= 1000, "a line per second at the most");
    // The first and the last state, and one line per interval that passed: never one per step.
    long allowed = 2 + elapsedMillis / Progress.LINE_INTERVAL_MILLIS;
    assertTrue(log.toString().lines().count() <= allowed, log.toString());
  }

  @Test
  void aTestRunIsNotATerminal() {
    // Surefire gives the JVM pipes, not a console: the plain form is what a log gets.
    assertFalse(Progress.onTerminal());
  }
}
