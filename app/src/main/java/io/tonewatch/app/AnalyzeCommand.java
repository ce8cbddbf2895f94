package io.tonewatch.app;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.evaluation.analysis.OfflineAnalysis;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.call.LegLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tonewatch analyze FILE.wav}: one recorded call through the engine. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Analyses one recorded call and prints its alert events.",
      "Mono is the customer leg; stereo is customer on channel 1 and agent on channel 2.",
      "PCM, float, mu-law and A-law WAV; rates other than 8000 Hz are resampled."
    })
final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE.wav", description = "The recording to analyse.")
  Path file;

  @Option(
      names = "--call-id",
      paramLabel = "ID",
      description = "Call id in the events (default: the file name without extension).")
  String callId;

  @Mixin ReportOptions report;

  @Mixin LegOptions legs;

  @Override
  public Integer call() throws IOException {
    if (callId != null && callId.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--call-id must not be blank");
    }
    LegLayout layout = legs.layout(spec);
    CallAudio audio = Inputs.load(file, layout, spec);
    String id = callId != null ? callId : OfflineAnalysis.callIdOf(audio.name());
    CallAnalysis analysis = OfflineAnalysis.run(id, audio, report.wantsFeatures());
    report.print(analysis, spec);
    return 0;
  }
}
