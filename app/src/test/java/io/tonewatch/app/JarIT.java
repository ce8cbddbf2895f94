package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: {@code java -jar tonewatch.jar ...} in a child JVM. */
class JarIT {

  static final Path JAR = Path.of("target", "tonewatch.jar");

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private Result java(String... args) throws IOException, InterruptedException {
    return java(Map.of(), args);
  }

  /** Runs the jar with {@code env} added to this JVM's environment. */
  private Result java(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    assumeTrue(Files.isRegularFile(JAR), "the shaded jar is built at package, before this test");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the jar did not finish");
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void jsonLogsAreOneObjectPerLineOnStderr() throws Exception {
    // An unreachable cluster: process logs its start at INFO and its wait at WARN, then stops.
    Result result =
        java(
            Map.of("TONEWATCH_LOG_FORMAT", "json", "TONEWATCH_LOG_LEVEL", "INFO"),
            "process",
            "--kafka",
            "127.0.0.1:9",
            "--set",
            "process.http-port=0",
            "--duration",
            "3");
    assertEquals(0, result.exitCode(), result.err());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.err().lines().filter(l -> !l.isBlank()).toList()) {
      lines.add(new ObjectMapper().readTree(line)); // throws on a line that is not JSON
    }
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.path("level").asText().equals("INFO")
                        && l.path("formattedMessage")
                            .asText()
                            .startsWith("process: consuming tonewatch.audio from 127.0.0.1:9")),
        result.err());
  }

  @Test
  void anUnknownLogFormatStopsStartUpNamingKeyAndValue() throws Exception {
    Result result = java(Map.of("TONEWATCH_LOG_FORMAT", "xml"), "--version");
    assertEquals(2, result.exitCode(), result.err());
    assertEquals(
        "TONEWATCH_LOG_FORMAT=xml is not a log format (text or json)", result.err().strip());
  }

  @Test
  void demoRunsFromTheJarAndPrintsTheTimeline() throws Exception {
    Result result = java("demo");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("customer  raised_voice       opened"), result.out());
    assertTrue(result.out().contains("summary"), result.out());
  }

  @Test
  void anUnreadableFileExitsWithOneAndOneSentence() throws Exception {
    Result result = java("analyze", dir.resolve("missing.wav").toString());
    assertEquals(1, result.exitCode());
    assertEquals(1, result.err().strip().lines().count(), result.err());
    assertFalse(result.err().contains("Exception"), result.err());
  }

  @Test
  void anUnknownOptionExitsWithTwo() throws Exception {
    assertEquals(2, java("analyze", "--no-such-option", "x.wav").exitCode());
  }

  @Test
  void versionWorksFromTheJar() throws Exception {
    Result result = java("--version");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("tonewatch "), result.out());
    assertFalse(
        result.out().contains("unknown"), "the build version is filtered in: " + result.out());
  }
}
