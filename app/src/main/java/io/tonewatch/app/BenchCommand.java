package io.tonewatch.app;

import io.tonewatch.evaluation.bench.AubioBench;
import io.tonewatch.evaluation.bench.BenchCall;
import io.tonewatch.evaluation.bench.BenchReport;
import io.tonewatch.evaluation.bench.BenchResult;
import io.tonewatch.evaluation.bench.EngineBench;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.wav.PcmAudio;
import io.tonewatch.media.wav.WavWriter;
import io.tonewatch.processor.engine.CallAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tonewatch bench}: what the engine costs per leg, on hours of two-leg audio. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measures the engine's cost per leg: time per 20 ms frame (p50, p99), CPU time,"
          + " real-time factor per core, legs one core serves, bytes allocated per frame.",
      "Repeats the calls in DIR into hours of two-leg audio; prints figures, never fails on them."
    })
final class BenchCommand implements Callable<Integer> {

  static final Path DEFAULT_DIR = Path.of("..", "shared", "data", "calls8k");
  private static final int FRAMES_PER_HOUR = 3600 * 1000 / CallAnalyzer.FRAME_MILLIS;

  /**
   * 50 minutes of two-leg audio before measuring: with 10 minutes the first measured pass still ran
   * partly in less optimised code and read 2,400x where the later ones read 3,700-4,500x.
   */
  private static final long WARM_UP_FRAMES = 150_000;

  private static final double AUBIO_MAX_HOURS = 1.0;

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "WAV calls to repeat (default: ../shared/data/calls8k if present, else the bundled"
              + " sample).")
  Path dir;

  @Option(
      names = "--hours",
      paramLabel = "H",
      description = "Hours of two-leg audio in the measured pass (default: ${DEFAULT-VALUE}).")
  double hours = 1.0;

  @Option(
      names = "--passes",
      paramLabel = "N",
      description =
          "Measured passes, each on a fresh engine; the median pass is reported, every pass"
              + " listed (default: ${DEFAULT-VALUE}). On a shared or virtual machine single passes"
              + " vary widely.")
  int passes = 3;

  @Option(
      names = "--aubio",
      description = "Also time aubiopitch -p yinfft on the customer leg, for comparison.")
  boolean aubio;

  @Override
  public Integer call() {
    if (!(hours > 0 && hours <= 100)) {
      throw new ParameterException(spec.commandLine(), "--hours must be above 0 and at most 100");
    }
    if (passes < 1 || passes > 20) {
      throw new ParameterException(spec.commandLine(), "--passes must be 1 to 20, was " + passes);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path source = dir != null ? dir : Files.isDirectory(DEFAULT_DIR) ? DEFAULT_DIR : null;
    List<BenchCall> playlist = source != null ? load(source) : List.of(sample());
    long framesPerLeg = Math.max(1, Math.round(hours * FRAMES_PER_HOUR));
    BenchReport.printHeader(
        out, source != null ? source.toString() : "the bundled sample", playlist.size(), hours);
    out.flush();

    EngineBench bench = new EngineBench(playlist);
    err.println("warming up ...");
    bench.warmUp(Math.min(framesPerLeg, WARM_UP_FRAMES));
    List<BenchResult> results = new ArrayList<>();
    try (ProgressBar bar = Progress.bar("bench", framesPerLeg * passes, "frames")) {
      for (int pass = 0; pass < passes; pass++) {
        long before = framesPerLeg * pass;
        results.add(bench.measure(framesPerLeg, done -> bar.stepTo(before + done)));
      }
    }
    BenchResult result = BenchReport.printPasses(out, results);
    BenchReport.printEngine(out, result);
    out.flush();
    if (aubio) {
      compareWithAubio(
          playlist, Math.min(framesPerLeg, Math.round(AUBIO_MAX_HOURS * FRAMES_PER_HOUR)), result);
    }
    return 0;
  }

  private List<BenchCall> load(Path source) {
    if (!Files.isDirectory(source)) {
      throw new CliFailure("cannot read " + source + ": not a directory");
    }
    List<CallAudio> calls = new ArrayList<>();
    try (Stream<Path> files = Files.list(source)) {
      for (Path wav : files.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
        calls.add(Inputs.load(wav, null, spec));
      }
    } catch (IOException e) {
      throw new CliFailure("cannot read " + source + ": " + IoMessages.reason(e), e);
    }
    if (calls.isEmpty()) {
      throw new CliFailure(source + " holds no WAV files to benchmark with");
    }
    // Two-leg recordings are what the figures are about; mono ones only stand in when alone.
    boolean anyStereo = calls.stream().anyMatch(c -> c.samplesByLeg().size() == 2);
    return calls.stream()
        .filter(c -> !anyStereo || c.samplesByLeg().size() == 2)
        .map(BenchCall::of)
        .toList();
  }

  private BenchCall sample() {
    String resource = DemoCommand.SAMPLE_RESOURCE;
    return BenchCall.of(
        Inputs.loadResource(resource, resource.substring(resource.lastIndexOf('/') + 1), spec));
  }

  private void compareWithAubio(List<BenchCall> playlist, long frames, BenchResult ours) {
    PrintWriter out = spec.commandLine().getOut();
    if (!AubioBench.available()) {
      out.println("aubio        skipped: aubiopitch is not installed (Debian package aubio-tools)");
      return;
    }
    short[] customer = customerLeg(playlist, frames);
    Path wav = null;
    try {
      wav = Files.createTempFile("tonewatch-bench-", ".wav");
      WavWriter.write(wav, new PcmAudio(CallAnalyzer.SAMPLE_RATE_HZ, new short[][] {customer}));
      spec.commandLine().getErr().println("timing aubiopitch ...");
      double cpuS = AubioBench.cpuSeconds(wav);
      BenchReport.printAubio(
          out,
          customer.length / (double) CallAnalyzer.SAMPLE_RATE_HZ,
          cpuS,
          ours.realTimeFactorPerCore());
    } catch (IOException e) {
      out.println("aubio        skipped: " + IoMessages.reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("aubio        skipped: interrupted");
    } finally {
      deleteQuietly(wav);
    }
  }

  /** The customer leg of the benchmark audio, {@code frames} frames long. */
  private static short[] customerLeg(List<BenchCall> playlist, long frames) {
    short[] leg = new short[Math.toIntExact(frames * CallAnalyzer.FRAME_SAMPLES)];
    int at = 0;
    while (at < leg.length) {
      for (BenchCall call : playlist) {
        int n = Math.min(call.customer().length, leg.length - at);
        System.arraycopy(call.customer(), 0, leg, at, n);
        at += n;
        if (at == leg.length) {
          break;
        }
      }
    }
    return leg;
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover temp file is harmless.
      }
    }
  }
}
