package io.tonewatch.app;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.evaluation.analysis.OfflineAnalysis;
import io.tonewatch.evaluation.report.FeatureCsv;
import io.tonewatch.evaluation.report.FeaturePlot;
import io.tonewatch.evaluation.report.PlotTrace;
import io.tonewatch.evaluation.report.Timeline;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.media.call.CallStream;
import io.tonewatch.processor.engine.FeatureListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
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

  @Mixin DecisionOption decision = new DecisionOption();

  /**
   * Analyses {@code call} to its end with the wanted reports collecting as it goes, then prints
   * them; {@code file} names the recording in read errors.
   */
  void analyzeAndPrint(String callId, CallStream call, Path file, CommandSpec spec) {
    PlotTrace trace = plotPng == null ? null : new PlotTrace();
    CallAnalysis analysis;
    if (featuresCsv == null) {
      analysis = analyze(callId, call, trace, file, decision);
    } else {
      CallAnalysis[] done = new CallAnalysis[1];
      write(
          featuresCsv,
          "features",
          () -> {
            try (Writer writer = Files.newBufferedWriter(featuresCsv, StandardCharsets.UTF_8)) {
              FeatureCsv csv = new FeatureCsv(writer);
              done[0] =
                  analyze(callId, call, trace == null ? csv : both(csv, trace), file, decision);
            } catch (UncheckedIOException e) {
              throw e.getCause();
            }
          });
      analysis = done[0];
    }
    print(analysis, trace, spec);
  }

  private static CallAnalysis analyze(
      String callId,
      CallStream call,
      FeatureListener features,
      Path file,
      DecisionOption decision) {
    try {
      return OfflineAnalysis.run(callId, call, features, decision.settings());
    } catch (IOException e) {
      throw Inputs.failure(file, e);
    }
  }

  private static FeatureListener both(FeatureListener first, FeatureListener second) {
    return (leg, frame) -> {
      first.onFeatures(leg, frame);
      second.onFeatures(leg, frame);
    };
  }

  private void print(CallAnalysis analysis, PlotTrace trace, CommandSpec spec) {
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
      err.println("features written to " + featuresCsv);
    }
    if (plotPng != null) {
      write(plotPng, "plot", () -> FeaturePlot.write(analysis, trace, plotPng));
      err.println("plot written to " + plotPng);
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
