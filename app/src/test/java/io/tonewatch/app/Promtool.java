package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Prometheus's own linter ({@code promtool check metrics}, Debian's {@code prometheus}). */
final class Promtool {
  private Promtool() {}

  /** A scrape lints clean: exit 0 and not one remark; {@code dir} holds the scrape's copy. */
  static void assertMetricsClean(Path dir, String metrics) throws Exception {
    Path file = Files.createTempFile(dir, "scrape-", ".txt");
    Files.writeString(file, metrics);
    Process promtool =
        new ProcessBuilder("promtool", "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String lint = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(promtool.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
    assertEquals(0, promtool.exitValue(), "promtool check metrics: " + lint);
    assertEquals("", lint.strip(), "promtool check metrics is clean");
  }
}
