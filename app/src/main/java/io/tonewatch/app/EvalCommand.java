package io.tonewatch.app;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.evaluation.analysis.OfflineAnalysis;
import io.tonewatch.evaluation.eval.CallSet;
import io.tonewatch.evaluation.eval.EvalScorer;
import io.tonewatch.evaluation.eval.LabelledSegment;
import io.tonewatch.evaluation.eval.ScoreReport;
import io.tonewatch.evaluation.eval.ScoredEpisode;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.media.call.CallStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tonewatch eval DIR}: analyses labelled calls and scores them as score.py does. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Analyses every NAME.wav that has a NAME.csv of labels in DIR, writes OUT/NAME.jsonl and"
          + " prints recall, false alarms per calm minute, calm segments with a false alarm and"
          + " latency, per call and overall.",
      "The last lines are exactly what ../shared/eval/score.py prints for DIR and OUT."
    })
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Directory of NAME.wav + NAME.csv pairs.")
  Path dir;

  @Option(
      names = "--out",
      paramLabel = "OUTDIR",
      description = "Where to write NAME.jsonl (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("eval-out");

  @Mixin DecisionOption decision = new DecisionOption();

  @Override
  public Integer call() {
    List<String> names = listCalls();
    createOut();
    try (ProgressBar bar = Progress.bar("eval", names.size(), "calls")) {
      for (String name : names) {
        bar.setExtraMessage(name);
        writeEvents(analyze(name), out.resolve(name + ".jsonl"));
        bar.step();
      }
    }
    EvalScorer scorer = new EvalScorer();
    for (String name : names) {
      scorer.add(name, segments(name), episodes(name));
    }
    ScoreReport.print(scorer.calls(), scorer.summary(), spec.commandLine().getOut());
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().println("events written to " + out);
    return 0;
  }

  private CallAnalysis analyze(String name) {
    Path wav = dir.resolve(name + ".wav");
    try (CallStream call = Inputs.open(wav, null, spec)) {
      return OfflineAnalysis.run(name, call, null, decision.settings());
    } catch (IOException e) {
      throw Inputs.failure(wav, e);
    }
  }

  private List<String> listCalls() {
    if (!Files.isDirectory(dir)) {
      throw new CliFailure("cannot read " + dir + ": not a directory");
    }
    try {
      List<String> names = CallSet.names(dir);
      if (names.isEmpty()) {
        throw new CliFailure(dir + " holds no NAME.wav with a NAME.csv of labels beside it");
      }
      return names;
    } catch (IOException e) {
      throw new CliFailure("cannot read " + dir + ": " + IoMessages.reason(e), e);
    }
  }

  private void createOut() {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new CliFailure("cannot create " + out + ": " + IoMessages.reason(e), e);
    }
  }

  private static void writeEvents(CallAnalysis analysis, Path jsonl) {
    try (Writer writer = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      for (AlertEvent event : analysis.events()) {
        writer.write(AlertEventJson.toJson(event));
        writer.write('\n');
      }
    } catch (IOException e) {
      throw new CliFailure("cannot write " + jsonl + ": " + IoMessages.reason(e), e);
    }
  }

  private List<LabelledSegment> segments(String name) {
    return read(dir.resolve(name + ".csv"), LabelledSegment::readCsv);
  }

  private List<ScoredEpisode> episodes(String name) {
    return read(out.resolve(name + ".jsonl"), ScoredEpisode::readJsonl);
  }

  /** How a file of labels or events is parsed. */
  private interface Parser<T> {
    T parse(Path file) throws IOException;
  }

  private static <T> T read(Path file, Parser<T> parser) {
    try {
      return parser.parse(file);
    } catch (IOException e) {
      throw new CliFailure("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }
}
