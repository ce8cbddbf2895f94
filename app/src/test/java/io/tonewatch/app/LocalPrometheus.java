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
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus}; {@code .ci/run} installs it) on 127.0.0.1
 * scraping one target every second, for tests that check what an operator's Prometheus would see.
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
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: "
            + job
            + "\n    static_configs:\n      - targets: ['127.0.0.1:"
            + targetPort
            + "']\n");
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
    Await.value(
        query + " = " + expected,
        Await.PATIENCE,
        () -> {
          assertTrue(process.isAlive(), "prometheus exited");
          try {
            return query(query);
          } catch (IOException notUpYet) {
            return notUpYet.toString();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
          }
        },
        answer -> firstValueIs(answer, expected));
  }

  private static boolean firstValueIs(String answer, double expected) {
    try {
      JsonNode result = JSON.readTree(answer).path("data").path("result");
      return result.size() > 0 && result.get(0).path("value").get(1).asDouble() == expected;
    } catch (IOException notJson) {
      return false;
    }
  }

  private String query(String promql) throws IOException, InterruptedException {
    String url =
        "http://127.0.0.1:"
            + port
            + "/api/v1/query?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
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
