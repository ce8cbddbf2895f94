package io.tonewatch.app;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.evaluation.report.FeatureCsv;
import io.tonewatch.evaluation.report.FeaturePlot;
import io.tonewatch.evaluation.report.Timeline;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How an analysed call is reported: stdout format, feature CSV, plot. */
final class ReportOptions {

  enum Format {
    TIMELINE,
    JSONL
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "timeline (default): readable events and a summary; jsonl: one JSON alert event a"
              + " line and nothing else.")
  Format format = Format.TIMELINE;

  @Option(
      names = "--features",
      paramLabel = "FILE.csv",
      description = "Also write every analysis frame's features per leg as CSV.")
  Path featuresCsv;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description = "Also draw pitch, level, tilt, score and alert episodes per leg as a PNG.")
  Path plotPng;

  boolean wantsFeatures() {
    return featuresCsv != null || plotPng != null;
  }

  void print(CallAnalysis analysis, CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSONL) {
      for (AlertEvent event : analysis.events()) {
        out.println(AlertEventJson.toJson(event));
      }
    } else {
      Timeline.print(analysis, out);
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    if (featuresCsv != null) {
      write(featuresCsv, "features", () -> writeCsv(analysis, featuresCsv));
      err.println("features written to " + featuresCsv);
    }
    if (plotPng != null) {
      write(plotPng, "plot", () -> FeaturePlot.write(analysis, plotPng));
      err.println("plot written to " + plotPng);
    }
  }

  private static void writeCsv(CallAnalysis analysis, Path csv) throws IOException {
    try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      FeatureCsv.write(analysis, writer);
    }
  }

  private interface FileWork {
    void run() throws IOException;
  }

  private static void write(Path file, String what, FileWork work) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      work.run();
    } catch (IOException e) {
      throw new CliFailure(
          "cannot write the " + what + " to " + file + ": " + IoMessages.reason(e), e);
    }
  }
}
