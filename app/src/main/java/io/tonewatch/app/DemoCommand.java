package io.tonewatch.app;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.evaluation.analysis.OfflineAnalysis;
import io.tonewatch.media.call.CallAudio;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tonewatch demo}: analyses the sample call bundled in the jar. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Analyses the bundled two-leg sample call and prints its timeline.",
      "The customer (channel 1) starts calm and turns angry; the agent stays calm.",
      "Built from the CC0 Thorsten-Voice emotional samples."
    })
final class DemoCommand implements Callable<Integer> {

  /** Classpath resource of the sample; the CLI tests use the same file. */
  static final String SAMPLE_RESOURCE = "/samples/escalating-call.wav";

  @Spec CommandSpec spec;

  @Mixin ReportOptions report;

  @Override
  public Integer call() {
    String name = SAMPLE_RESOURCE.substring(SAMPLE_RESOURCE.lastIndexOf('/') + 1);
    CallAudio audio = Inputs.loadResource(SAMPLE_RESOURCE, name, spec);
    CallAnalysis analysis =
        OfflineAnalysis.run(OfflineAnalysis.callIdOf(name), audio, report.wantsFeatures());
    report.print(analysis, spec);
    return 0;
  }
}
