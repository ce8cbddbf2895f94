package io.tonewatch.app;

import io.tonewatch.app.tail.AlertTail;
import io.tonewatch.events.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code run --demo}: plays the bundled two-leg call through real RTP on loopback into this JVM's
 * ingest (the {@code simulate} command itself, on a thread) and prints each alert event as it comes
 * back from the alerts topic. Lines go to {@code out} under its lock. Thread-safety: {@link #start}
 * and {@link #close} from one thread.
 */
final class RunDemo implements AutoCloseable {
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread printer;
  private final Thread simulator;

  private RunDemo(String kafka, boolean fromBeginning, String controlUrl, PrintWriter out) {
    this.printer =
        new Thread(() -> printAlerts(kafka, fromBeginning, out), "tonewatch-demo-alerts");
    this.simulator = new Thread(() -> playCall(controlUrl, out), "tonewatch-demo-simulate");
    printer.setDaemon(true);
    simulator.setDaemon(true);
  }

  /** Starts printing alerts from {@code kafka}, then plays the call to {@code controlUrl}. */
  static RunDemo start(String kafka, boolean fromBeginning, String controlUrl, PrintWriter out) {
    RunDemo demo = new RunDemo(kafka, fromBeginning, controlUrl, out);
    demo.printer.start();
    demo.simulator.start();
    return demo;
  }

  private void printAlerts(String kafka, boolean fromBeginning, PrintWriter out) {
    try (AlertTail tail =
        new AlertTail(
            kafka,
            Topics.ALERTS,
            fromBeginning,
            AlertTail.Format.TEXT,
            line -> say(out, "alert: " + line),
            out)) {
      tail.run(0, stop::get);
    }
  }

  private static void playCall(String controlUrl, PrintWriter out) {
    say(out, "demo: playing the bundled two-leg call over RTP to " + controlUrl);
    int code =
        Main.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            "simulate",
            "--no-progress",
            "--control",
            controlUrl,
            "--call-id-prefix",
            "demo-");
    say(
        out,
        code == 0
            ? "demo: the sample call is over; Ctrl-C stops tonewatch"
            : "demo: playing the sample call failed (simulate exit " + code + ")");
  }

  private static void say(PrintWriter out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  @Override
  public void close() {
    stop.set(true);
    try {
      printer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
