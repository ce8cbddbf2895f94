package io.tonewatch.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** One in-process run of the CLI with its streams captured. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  List<String> outLines() {
    return Arrays.stream(out.split("\n")).filter(l -> !l.isEmpty()).toList();
  }

  List<String> errLines() {
    return Arrays.stream(err.split("\n")).filter(l -> !l.isBlank()).toList();
  }
}
