package io.tonewatch.app;

import io.tonewatch.ingest.bench.PacketPathBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tonewatch bench-ingest}: what the RTP path costs per packet on one core. */
@Command(
    name = "bench-ingest",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measures the ingest packet path on one thread: RTP parse, A.1 validation, jitter buffer,"
          + " G.711 decode and 20 ms framing into a bounded hand-off queue, for N PCMU legs at 50"
          + " packets/s with seeded reordering (2 %%) and loss (1 %%).",
      "Prints packets per CPU-second, per-packet p50/p99 and bytes allocated per packet;"
          + " never fails on them. No sockets: arrival times are simulated."
    })
final class IngestBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--streams", paramLabel = "N", description = "Legs (default: ${DEFAULT-VALUE}).")
  int streams = 2000;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      description = "Seconds of media per leg in the measured pass (default: ${DEFAULT-VALUE}).")
  int seconds = 20;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 7;

  @Override
  public Integer call() {
    if (streams < 1 || seconds < 1) {
      throw new ParameterException(spec.commandLine(), "--streams and --seconds must be >= 1");
    }
    PacketPathBench.main(
        new String[] {Integer.toString(streams), Integer.toString(seconds), Long.toString(seed)});
    return 0;
  }
}
