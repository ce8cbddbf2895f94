package io.tonewatch.app;

import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.call.LegLayout;
import io.tonewatch.simulator.SimulationException;
import io.tonewatch.simulator.cli.SimulateChecks;
import io.tonewatch.simulator.cli.SimulateOptions;
import io.tonewatch.simulator.cli.SimulateRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tonewatch simulate}: real calls from WAV files to a running ingest service, live. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Sends calls from WAV files (default: the bundled two-leg sample) to a running ingest"
          + " service at real-time pace: the demo driver and the load generator.",
      "Mono is the customer leg; stereo is customer on channel 1 and agent on channel 2;"
          + " audio is resampled to 8000 Hz as analyze does. With --calls N, N calls run at"
          + " once, cycling over the files, named PREFIX1..PREFIXN.",
      "rtp: POST {control}/v1/calls per call, RTP to the answered ports, DELETE at the end;"
          + " with --static HOST:PORT, no control API: call n's customer leg goes to"
          + " PORT+4(n-1), its agent leg to PORT+4(n-1)+2.",
      "websocket: one Twilio Media Stream per call (tracks inbound = customer, outbound ="
          + " agent). audiosocket: one Asterisk AudioSocket TCP connection per leg, customer"
          + " first, the same UUID (from --seed and the call id) for both legs; the UUID is"
          + " the call id the service sees.",
      "Prints a summary at the end; Ctrl-C ends the calls cleanly. Exit 0 done, 1 the target"
          + " refused or is unreachable, 2 bad usage."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE.wav",
      description = "Recordings to play (default: the bundled sample call).")
  List<Path> files = new ArrayList<>();

  @Mixin SimulateOptions options;

  @Mixin LegOptions legs;

  @Override
  public Integer call() {
    try {
      new SimulateChecks(options, this::given).check();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<CallAudio> audios = loadAudio(legs.layout(spec));
    PrintWriter err = spec.commandLine().getErr();
    SimulateRun run =
        new SimulateRun(options, this::given, spec.commandLine().getOut(), err, Progress::display);
    try {
      return run.run(audios);
    } catch (SimulationException e) {
      throw new CliFailure(e.getMessage(), e);
    }
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private List<CallAudio> loadAudio(LegLayout layout) {
    if (files.isEmpty()) {
      String resource = DemoCommand.SAMPLE_RESOURCE;
      String name = resource.substring(resource.lastIndexOf('/') + 1);
      return List.of(Inputs.loadResource(resource, name, spec));
    }
    Map<Path, CallAudio> byFile = new LinkedHashMap<>();
    for (Path file : files) {
      byFile.computeIfAbsent(file, f -> Inputs.load(f, layout, spec));
    }
    List<CallAudio> audios = new ArrayList<>();
    for (Path file : files) {
      CallAudio audio = byFile.get(file);
      if (audio.sampleCount() == 0) {
        throw new CliFailure(file + " holds no audio");
      }
      audios.add(audio);
    }
    return audios;
  }
}
