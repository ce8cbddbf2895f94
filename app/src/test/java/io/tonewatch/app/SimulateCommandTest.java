package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage of {@code tonewatch simulate} that must fail before any audio is read or sent. */
class SimulateCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--calls 0 | --calls must be 1 to 10000, was 0",
        "--loss 101 | invalid impairment: loss % must be 0 to 100, was 101.0",
        "--mode websocket --loss 5 | --loss applies to --mode rtp only",
        "--mode audiosocket --codec pcma | --codec applies to --mode rtp only",
        "--mode websocket --control http://127.0.0.1:1 | --control applies to --mode rtp and"
            + " audiosocket only",
        "--mode rtp --ws-url ws://127.0.0.1:1/x | --ws-url applies to --mode websocket only",
        "--duration 5s --loop 2 | use either --duration or --loop, not both",
        "--static nohost | --static must be HOST:PORT, was 'nohost'",
        "--static 127.0.0.1:70000 | --static port must be 1 to 65535, was 70000",
        "--static 127.0.0.1:65530 --calls 2 | 2 calls from --static port 65530 would need ports"
            + " past 65535",
        "--static 127.0.0.1:4000 --control http://127.0.0.1:1 | use either --control or --static,"
            + " not both",
        "--control ftp://x | --control must be a http or https URL, was 'ftp://x'",
        "--seq-start 65536 | --seq-start must be 0 to 65535, was 65536",
        "--ptime 5 | --ptime must be 10 to 60 ms, was 5",
        "--duration soon | 'soon' is not a duration such as 500ms, 30s, 5m or 1h",
        "--mode tcp | Invalid value for option '--mode'",
        "--swap-legs --legs agent | use either --swap-legs or --legs, not both"
      })
  void badFlagsAreBadUsageWithOneSentence(String args, String message) {
    CliRun run = CliRun.of(("simulate " + args.strip()).split(" "));

    assertEquals(2, run.exitCode(), run.err());
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("tonewatch simulate: "), lines.get(0));
    assertTrue(lines.get(0).contains(message), lines.get(0));
    assertTrue(lines.get(0).endsWith("(see 'tonewatch simulate --help')"), lines.get(0));
    assertEquals("", run.out());
  }

  @Test
  void helpListsEveryOptionAndThePortRule() {
    CliRun run = CliRun.of("simulate", "--help");

    assertEquals(0, run.exitCode(), run.err());
    for (String option :
        List.of(
            "--mode",
            "--control",
            "--static",
            "--ws-url",
            "--audiosocket",
            "--token",
            "--calls",
            "--call-id-prefix",
            "--duration",
            "--loop",
            "--stagger",
            "--codec",
            "--ptime",
            "--seq-start",
            "--loss",
            "--reorder",
            "--reorder-depth",
            "--duplicate",
            "--jitter-ms",
            "--seed",
            "--no-progress",
            "--swap-legs",
            "--legs",
            "FILE.wav")) {
      assertTrue(run.out().contains(option), option + " missing from --help");
    }
    assertTrue(run.out().contains("PORT+4(n-1)+2"), run.out());
    assertTrue(run.out().contains("TONEWATCH_INGEST_AUTH_TOKEN"), run.out());
  }

  @Test
  void theTopLevelCommandListsSimulate() {
    assertTrue(CliRun.of("--help").out().contains("simulate"));
  }
}
