package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.media.resample.Resampler;
import io.tonewatch.media.wav.PcmAudio;
import io.tonewatch.media.wav.WavReader;
import io.tonewatch.media.wav.WavWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real commands end to end, in process, on the committed two-leg sample call. */
class CliIT {

  /** The customer's first angry turn starts at 20.231 s (see SampleCallGenerator.labels). */
  static final long ANGRY_FROM_MS = 20_231;

  @TempDir Path dir;
  Path call;

  @BeforeEach
  void copyFixture() throws IOException {
    call = dir.resolve("two-leg.wav");
    try (InputStream in = CliIT.class.getResourceAsStream(DemoCommand.SAMPLE_RESOURCE)) {
      assertNotNull(in, "the bundled sample call");
      Files.copy(in, call);
    }
  }

  private static List<AlertEvent> events(CliRun run) {
    return run.outLines().stream().map(AlertEventJson::fromJson).toList();
  }

  @Test
  void analyzeInJsonlRaisesTheCustomerDuringTheAngryPartOnly() {
    CliRun run = CliRun.of("analyze", call.toString(), "--format", "jsonl");
    assertEquals(0, run.exitCode(), run.err());
    List<AlertEvent> events = events(run);
    List<AlertEvent> customerOpenings =
        events.stream()
            .filter(e -> e.kind() == AlertKind.RAISED_VOICE && e.leg() == Leg.CUSTOMER)
            .filter(e -> e.state() == AlertState.OPENED)
            .toList();
    assertFalse(customerOpenings.isEmpty(), "the angry customer must raise an episode");
    for (AlertEvent opened : customerOpenings) {
      assertTrue(
          opened.mediaTimeMs() >= ANGRY_FROM_MS,
          "opened during the calm part at " + opened.mediaTimeMs() + " ms");
    }
    assertEquals("two-leg", events.get(0).callId());
  }

  @Test
  void analyzeClosesEveryEpisodeItOpens() {
    List<AlertEvent> events = events(CliRun.of("analyze", call.toString(), "--format=jsonl"));
    Set<String> open = new HashSet<>();
    for (AlertEvent event : events) {
      if (event.state() == AlertState.OPENED) {
        assertTrue(open.add(event.alertId()), "opened twice: " + event.alertId());
      } else if (event.state() == AlertState.CLOSED) {
        assertTrue(open.remove(event.alertId()), "closed without opening: " + event.alertId());
      }
    }
    assertEquals(Set.of(), open);
  }

  @Test
  void analyzeIsDeterministic() {
    CliRun first = CliRun.of("analyze", call.toString(), "--format", "jsonl", "--call-id", "c1");
    CliRun second = CliRun.of("analyze", call.toString(), "--format", "jsonl", "--call-id", "c1");
    assertEquals(first.out(), second.out());
    assertTrue(first.out().contains("\"callId\":\"c1\""));
  }

  @Test
  void swapLegsMovesTheRaisedEpisodesToTheAgent() {
    List<AlertEvent> events =
        events(CliRun.of("analyze", call.toString(), "--format", "jsonl", "--swap-legs"));
    assertTrue(events.stream().anyMatch(e -> e.leg() == Leg.AGENT));
    assertTrue(events.stream().noneMatch(e -> e.leg() == Leg.CUSTOMER));
  }

  @Test
  void analyzePrintsAReadableTimelineByDefault() {
    CliRun run = CliRun.of("analyze", call.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("call      two-leg  (two-leg.wav)\n"), run.out());
    assertTrue(run.out().contains("customer  raised_voice       opened"), run.out());
    assertTrue(run.out().contains("\nsummary\n"), run.out());
  }

  @Test
  void featuresCsvHasTheHeaderAndRowsForBothLegs() throws IOException {
    Path csv = dir.resolve("out/features.csv");
    CliRun run = CliRun.of("analyze", call.toString(), "--features", csv.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(
        "leg,time_s,f0_hz,level_dbfs,tilt_db,hammarberg_db,score,speech,concealed,raised",
        lines.get(0));
    long customer = lines.stream().filter(l -> l.startsWith("customer,")).count();
    long agent = lines.stream().filter(l -> l.startsWith("agent,")).count();
    assertTrue(customer > 2000, "41.5 s at 20 ms per frame: " + customer);
    assertEquals(customer, agent);
    assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",", -1).length == 10));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("customer,") && l.endsWith(",1")));
  }

  @Test
  void plotWritesAPng() throws IOException {
    Path png = dir.resolve("plot.png");
    CliRun run = CliRun.of("analyze", call.toString(), "--plot", png.toString());
    assertEquals(0, run.exitCode(), run.err());
    byte[] signature = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1400, image.getWidth());
  }

  @Test
  void announcesResamplingOfOtherRates() throws IOException {
    PcmAudio pcm = WavReader.read(call);
    Path wide = dir.resolve("wide.wav");
    WavWriter.write(
        wide,
        new PcmAudio(
            16000,
            new short[][] {
              Resampler.resample(pcm.channel(0), 8000, 16000),
              Resampler.resample(pcm.channel(1), 8000, 16000)
            }));
    CliRun run = CliRun.of("analyze", wide.toString(), "--format", "jsonl");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("resampling 16000 Hz to 8000 Hz"), run.err());
  }

  @Test
  void refusesAFileWithThreeChannelsInOneSentence() throws IOException {
    Path three = dir.resolve("three.wav");
    short[] silence = new short[800];
    WavWriter.write(three, new PcmAudio(8000, new short[][] {silence, silence, silence}));
    CliRun run = CliRun.of("analyze", three.toString());
    assertEquals(1, run.exitCode());
    assertOneSentence(run);
    assertTrue(run.err().contains("3 channels"), run.err());
  }

  @Test
  void aMissingFileFailsWithOneSentenceAndNoStackTrace() {
    CliRun run = CliRun.of("analyze", dir.resolve("nope.wav").toString());
    assertEquals(1, run.exitCode());
    assertOneSentence(run);
    assertTrue(run.err().contains("nope.wav"), run.err());
  }

  @Test
  void aFileThatIsNotWavFailsWithOneSentence() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all");
    CliRun run = CliRun.of("analyze", text.toString());
    assertEquals(1, run.exitCode());
    assertOneSentence(run);
  }

  @Test
  void badUsageExitsWithTwo() {
    assertEquals(2, CliRun.of("analyze").exitCode());
    assertEquals(2, CliRun.of("analyze", call.toString(), "--format", "xml").exitCode());
    assertEquals(2, CliRun.of("analyze", call.toString(), "--legs", "caller").exitCode());
    assertEquals(
        2, CliRun.of("analyze", call.toString(), "--swap-legs", "--legs", "agent").exitCode());
    CliRun unknown = CliRun.of("frobnicate");
    assertEquals(2, unknown.exitCode());
    assertOneSentence(unknown);
  }

  @Test
  void debugShowsTheStackTrace() {
    CliRun run = CliRun.of("analyze", "--debug", dir.resolve("nope.wav").toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("\tat "), run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "analyze", "demo", "eval", "bench"})
  void helpWorksForEveryCommand(String command) {
    CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().startsWith("Usage: tonewatch" + (command.isEmpty() ? "" : " " + command)),
        run.out());
  }

  @Test
  void noCommandPrintsTheUsageOnStderrAsBadUsage() {
    CliRun run = CliRun.of();
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("Usage: tonewatch"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void versionNamesTheEngine() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("engine tonewatch-engine/"), run.out());
  }

  @Test
  void demoPrintsTheTimelineOfTheBundledCall() {
    CliRun run = CliRun.of("demo");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("call      escalating-call  (escalating-call.wav)"), run.out());
    assertTrue(run.out().contains("customer  raised_voice       opened"), run.out());
  }

  @Test
  void evalWritesEventsAndPrintsScorePysSummary() throws Exception {
    Path calls = Files.createDirectory(dir.resolve("calls"));
    Files.copy(call, calls.resolve("esc_demo.wav"));
    Path fixtures = Path.of(CliIT.class.getResource("thorsten/neutral.wav").toURI()).getParent();
    Files.write(calls.resolve("esc_demo.csv"), SampleCallGenerator.labels(fixtures));
    Path out = dir.resolve("events");
    CliRun run = CliRun.of("eval", calls.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.exists(out.resolve("esc_demo.jsonl")));
    List<String> lines = run.outLines();
    assertTrue(
        lines.get(lines.size() - 1).startsWith("recall=1.000 fa_per_calm_min=0.000"), run.out());
    assertTrue(lines.contains("by_scenario: esc:recall=1.000,fa=0"), run.out());
  }

  @Test
  void evalOfADirectoryWithoutLabelledCallsFailsInOneSentence() {
    CliRun run = CliRun.of("eval", dir.toString(), "--out", dir.resolve("o").toString());
    assertEquals(1, run.exitCode());
    assertOneSentence(run);
  }

  @Test
  void benchPrintsItsFiguresOnAShortRun() throws IOException {
    Path calls = Files.createDirectory(dir.resolve("bench"));
    Files.copy(call, calls.resolve("a.wav"));
    CliRun run = CliRun.of("bench", "--dir", calls.toString(), "--hours", "0.01");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("per frame    p50 "), run.out());
    assertTrue(run.out().contains("one core keeps up with "), run.out());
    assertTrue(run.out().contains("bytes per frame"), run.out());
  }

  private static void assertOneSentence(CliRun run) {
    assertEquals(1, run.errLines().size(), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertTrue(run.err().startsWith("tonewatch"), run.err());
  }
}
