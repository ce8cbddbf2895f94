package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tonewatch.evaluation.eval.EvalScorer;
import io.tonewatch.evaluation.eval.LabelledSegment;
import io.tonewatch.evaluation.eval.ScoreReport;
import io.tonewatch.evaluation.eval.ScoredEpisode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java scorer against the reference, {@code ../shared/eval/score.py}, run by python3 on the
 * same files: every line it prints must match. Skipped where the shared tree or python3 is absent.
 */
class EvalScorerIT {

  @TempDir Path dir;

  /** The repository root: the nearest directory up from here that holds mvnw. */
  static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
    }
    return here;
  }

  static Path shared(String relative) {
    return repoRoot().resolve("..").resolve("shared").resolve(relative).normalize();
  }

  private static List<String> python(Path calls, Path events) throws Exception {
    Path script = shared("eval/score.py");
    assumeTrue(Files.isRegularFile(script), "../shared/eval/score.py is not here");
    Process process;
    try {
      process =
          new ProcessBuilder("python3", script.toString(), calls.toString(), events.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "python3 is not installed");
      throw e;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), output);
    return output.lines().toList();
  }

  private static List<String> java(Path calls, Path events, List<String> names) throws IOException {
    EvalScorer scorer = new EvalScorer();
    for (String name : names) {
      scorer.add(
          name,
          LabelledSegment.readCsv(calls.resolve(name + ".csv")),
          ScoredEpisode.readJsonl(events.resolve(name + ".jsonl")));
    }
    List<String> lines = new ArrayList<>();
    scorer.calls().forEach(c -> lines.add(ScoreReport.callLine(c)));
    lines.add(ScoreReport.byScenarioLine(scorer.summary()));
    lines.add(ScoreReport.summaryLine(scorer.summary()));
    return lines;
  }

  @Test
  void agreesWithScorePyOnHandMadeEdgeCases() throws Exception {
    Path calls = Files.createDirectory(dir.resolve("calls"));
    Path events = Files.createDirectory(dir.resolve("events"));
    Files.write(
        calls.resolve("esc_one.csv"),
        List.of(
            "start_s,end_s,leg,label,source",
            "0.300,2.300,agent,calm,a",
            "2.800,4.800,customer,calm,b",
            "5.300,7.300,agent,music,c",
            "7.800,9.275,customer,raised,d",
            "9.775,11.774,customer,raised,e",
            "12.274,14.274,customer,calm,f",
            "14.774,16.774,customer,raised,g",
            "17.274,19.274,agent,raised,h"));
    Files.write(
        events.resolve("esc_one.jsonl"),
        List.of(
            "{\"alertId\":\"1\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"opened\",\"mediaTimeMs\":7412}",
            "{\"alertId\":\"1\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"closed\",\"mediaTimeMs\":10000}",
            "{\"alertId\":\"2\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"opened\",\"mediaTimeMs\":15905}",
            "{\"alertId\":\"3\",\"leg\":\"agent\",\"kind\":\"shouting\",\"state\":\"opened\",\"mediaTimeMs\":1000}",
            "{\"alertId\":\"3\",\"leg\":\"agent\",\"kind\":\"shouting\",\"state\":\"closed\",\"mediaTimeMs\":1500}",
            "{\"kind\":\"mutual_escalation\",\"state\":\"opened\",\"mediaTimeMs\":17000}"));
    Files.write(
        calls.resolve("hot_two.csv"),
        List.of(
            "start_s,end_s,leg,label,source",
            "0.000,2.000,customer,raised,a",
            "2.500,4.500,customer,raised,b",
            "5.000,65.000,customer,calm,c"));
    Files.write(
        events.resolve("hot_two.jsonl"),
        List.of(
            "{\"alertId\":\"x\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"opened\",\"mediaTimeMs\":1125}",
            "{\"alertId\":\"x\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"closed\",\"mediaTimeMs\":3000}",
            "{\"alertId\":\"y\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"opened\",\"mediaTimeMs\":40000}"));
    // a call with no events file at all
    Files.write(
        calls.resolve("calm_three.csv"),
        List.of("start_s,end_s,leg,label,source", "0.5,30.25,agent,calm,a"));
    List<String> expected = python(calls, events);
    assertEquals(expected, java(calls, events, List.of("calm_three", "esc_one", "hot_two")));
  }

  @Test
  void agreesWithScorePyOnTheDevelopmentCalls() throws Exception {
    Path calls = shared("data/calls8k");
    assumeTrue(Files.isDirectory(calls), "../shared/data/calls8k is not here");
    Path events = dir.resolve("events");
    CliRun run = CliRun.of("eval", calls.toString(), "--out", events.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> expected = python(calls, events);
    List<String> lines = run.out().lines().toList();
    assertEquals(expected, lines.subList(lines.size() - expected.size(), lines.size()));
    long csvs;
    try (Stream<Path> files = Files.list(calls)) {
      csvs = files.filter(f -> f.toString().endsWith(".csv")).count();
    }
    assertEquals(csvs + 2, expected.size(), "one line per call, by_scenario and the summary");
  }
}
