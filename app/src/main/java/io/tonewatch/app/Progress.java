package io.tonewatch.app;

import io.tonewatch.simulator.cli.ProgressDisplay;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long runs on stderr; stdout stays reserved for results. On a terminal the bar redraws
 * in place; into a log or a pipe it writes a plain line every few seconds instead, since each
 * carriage-return redraw would be a line of its own there.
 */
final class Progress {

  /** How often a plain progress line is written when stderr is not a terminal. */
  static final int LINE_INTERVAL_MILLIS = 5000;

  private static final int REDRAW_INTERVAL_MILLIS = 250;
  private static final int MAX_WIDTH = 100;

  private Progress() {}

  /**
   * A bar on the process's stderr for {@code max} units of work, in the form {@link #onTerminal()}
   * calls for. It writes to the stream itself, not through the command's writer, from its own
   * thread.
   */
  static ProgressBar bar(String task, long max, String unit) {
    return bar(
        task,
        max,
        unit,
        onTerminal(),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)));
  }

  /** As {@link #bar(String, long, String)}, for simulate. */
  static ProgressDisplay display(String task, long max, String unit) {
    ProgressBar bar = bar(task, max, unit);
    return new ProgressDisplay() {
      @Override
      public void stepBy(long frames) {
        bar.stepBy(frames);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /**
   * @param terminal redraw in place on the console; otherwise write plain lines to {@code err}
   */
  static ProgressBar bar(String task, long max, String unit, boolean terminal, PrintWriter err) {
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(max)
            .setUnit(" " + unit, 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setMaxRenderedLength(MAX_WIDTH);
    if (terminal) {
      return builder.setUpdateIntervalMillis(REDRAW_INTERVAL_MILLIS).build();
    }
    return builder
        .setUpdateIntervalMillis(LINE_INTERVAL_MILLIS)
        .setConsumer(new DelegatingProgressBarConsumer(new PlainLines(err), MAX_WIDTH))
        .build();
  }

  /** Writes each state as a line, skipping a repeat (the bar renders its end state twice). */
  private static final class PlainLines implements Consumer<String> {
    private final PrintWriter err;
    private String last = ""; // guarded by this: the bar's thread and the closing thread write

    PlainLines(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void accept(String rendered) {
      String line = rendered.strip();
      if (!line.equals(last)) {
        err.println(line);
        err.flush();
        last = line;
      }
    }
  }

  /**
   * Whether stdin, stdout and stderr are all a terminal. The JDK answers for stdin and stdout;
   * stderr is checked through /proc where there is one.
   */
  static boolean onTerminal() {
    if (System.console() == null) {
      return false;
    }
    try {
      String stderr = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return stderr.startsWith("/dev/pts/") || stderr.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true;
    }
  }
}
