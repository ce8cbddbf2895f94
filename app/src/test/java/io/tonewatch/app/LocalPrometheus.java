package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tonewatch.testing.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;

/**
 * A real Prometheus server (Debian's {@code prometheus}; {@code .ci/run} installs it) on 127.0.0.1
 * scraping its targets every second, for tests that check what an operator's Prometheus would see.
 */
final class LocalPrometheus implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalPrometheus(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Prometheus scraping {@code http://127.0.0.1:targetPort/metrics} as job {@code job}. */
  static LocalPrometheus scrape(Path dir, String job, int targetPort) throws IOException {
    return scrape(dir, Map.of(job, targetPort), null);
  }

  /**
   * Starts Prometheus scraping each job's port on 127.0.0.1 every second and evaluating {@code
   * rules} (null: none) as often; storage and log stay in {@code dir}.
   */
  static LocalPrometheus scrape(Path dir, Map<String, Integer> jobs, Path rules)
      throws IOException {
    StringBuilder yaml =
        new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
    if (rules != null) {
      yaml.append("rule_files:\n  - '").append(rules.toAbsolutePath()).append("'\n");
    }
    yaml.append("scrape_configs:\n");
    jobs.forEach(
        (job, port) ->
            yaml.append("  - job_name: ")
                .append(job)
                .append("\n    static_configs:\n      - targets: ['127.0.0.1:")
                .append(port)
                .append("']\n"));
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, yaml);
    int port = freePort();
    Process process =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    return new LocalPrometheus(process, port);
  }

  /** Polls an instant query until it returns {@code expected} as its first value. */
  void awaitValue(String query, double expected) {
    awaitValue(query, "= " + expected, value -> value == expected);
  }

  /** Polls an instant query until its first value passes {@code accept} ({@code what} says how). */
  double awaitValue(String query, String what, DoublePredicate accept) {
    String answer =
        awaitApi(
            query + " " + what,
            "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
            body -> firstValue(body).stream().anyMatch(accept::test));
    return firstValue(answer).orElseThrow();
  }

  /** Polls {@code path} of the HTTP API until its JSON body passes {@code accept}; returns it. */
  String awaitApi(String what, String path, Predicate<String> accept) {
    return Await.value(
        what,
        Await.PATIENCE,
        () -> {
          assertTrue(process.isAlive(), "prometheus exited");
          try {
            return get(path);
          } catch (IOException notUpYet) {
            return notUpYet.toString();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
          }
        },
        accept);
  }

  private static OptionalDouble firstValue(String answer) {
    try {
      JsonNode result = JSON.readTree(answer).path("data").path("result");
      return result.size() > 0
          ? OptionalDouble.of(result.get(0).path("value").get(1).asDouble())
          : OptionalDouble.empty();
    } catch (IOException notJson) {
      return OptionalDouble.empty();
    }
  }

  private String get(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
