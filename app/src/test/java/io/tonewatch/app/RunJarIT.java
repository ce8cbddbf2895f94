package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command end to end: the shaded jar's {@code run --demo} (embedded broker,
 * ingest, processor, the bundled call over RTP on loopback) read back by the jar's {@code tail},
 * then stopped with SIGTERM.
 */
class RunJarIT {
  private static final Pattern KAFKA = Pattern.compile("run: Kafka (\\S+) \\(embedded\\)");
  private static final Pattern CONSOLE =
      Pattern.compile(
          "supervisor console (http://[^/\\s]+)/console \\(demo sign-in: user (\\S+), password"
              + " (\\S+)\\)");
  private static final Pattern HEALTH = Pattern.compile("process health (http://\\S+/health)");
  private static final Pattern ALERTING_HEALTH =
      Pattern.compile("alerting health (http://\\S+/health)");
  private static final Pattern INGEST_PORT =
      Pattern.compile("ingest control API http://[^:]+:(\\d+)/");
  private static final Pattern PROCESS_PORT =
      Pattern.compile("process health http://[^:]+:(\\d+)/");
  private static final Pattern ALERTING_PORT =
      Pattern.compile("alerting health http://[^:]+:(\\d+)/");

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Process child : children) {
      if (child.isAlive()) {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private Process jar(String name, String... args) throws Exception {
    assumeTrue(Files.isRegularFile(JarIT.JAR), "the shaded jar is built at package");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JarIT.JAR.toString());
    command.addAll(List.of(args));
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile())
            .start();
    children.add(child);
    return child;
  }

  /**
   * The jar's {@code run --demo}, every HTTP port chosen by the OS, RTP on 100 ports from {@code
   * rtpPortMin}.
   */
  private Process runDemo(int rtpPortMin) throws Exception {
    return jar(
        "run",
        "run",
        "--demo",
        "--set",
        "ingest.http-port=0",
        "--set",
        "process.http-port=0",
        "--set",
        "alerting.http-port=0",
        "--set",
        "alerting.console.http-port=0",
        "--set",
        "ingest.rtp-port-min=" + rtpPortMin,
        "--set",
        "ingest.rtp-port-max=" + (rtpPortMin + 99));
  }

  private String read(String name) throws Exception {
    Path file = dir.resolve(name);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  @Test
  void runDemoRaisesALiveAlertThatTailPrints() throws Exception {
    Process run = runDemo(46200);
    String banner = awaitOutput(run, "run", KAFKA);
    String kafka = group(KAFKA, banner);

    Process tail =
        jar(
            "tail",
            "tail",
            "--kafka",
            kafka,
            "--from-beginning",
            "--count",
            "1",
            "--format",
            "jsonl",
            "--duration",
            "300");
    assertTrue(tail.waitFor(5, TimeUnit.MINUTES), "tail printed no alert");
    assertEquals(0, tail.exitValue(), read("tail.err"));
    List<String> lines = read("tail.out").lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), read("tail.out"));
    AlertEvent first = AlertEventJson.fromJson(lines.get(0));
    assertEquals("demo-1", first.callId());
    assertEquals(AlertKind.RAISED_VOICE, first.kind());
    assertEquals(Leg.CUSTOMER, first.leg());
    assertEquals(AlertState.OPENED, first.state());

    String out = awaitOutput(run, "run", Pattern.compile("alert: demo-1 .* raised_voice +opened"));
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(group(HEALTH, out))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(group(HEALTH, out).replace("/health", "/metrics")))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (String name :
        List.of(
            "tonewatch_process_frames_total ",
            "tonewatch_process_alerts_total{kind=\"raised_voice\",severity=\"raised\"} 1.0",
            "tonewatch_process_decision_lag_seconds_count",
            "tonewatch_process_engine_frame_seconds{quantile=\"0.99\"}",
            "tonewatch_process_calls_live ",
            "tonewatch_process_consumer_lag ",
            "tonewatch_process_kafka_reachable 1.0")) {
      assertTrue(metrics.contains(name), name + " in\n" + metrics);
    }

    // The alerting service in the same JVM climbed its ladder: the agent's cue, printed and
    // counted.
    out = awaitOutput(run, "run", Pattern.compile("notify agent agent_cue call demo-1: "));
    String alertingMetrics = get(group(ALERTING_HEALTH, out).replace("/health", "/metrics"));
    assertTrue(
        alertingMetrics.contains("tonewatch_alerting_notifications_total{"), alertingMetrics);
    assertTrue(alertingMetrics.contains("tonewatch_alerting_ready 1.0"), alertingMetrics);
    assertEquals(200, status(group(ALERTING_HEALTH, out)));
    consoleShowsTheDemoCall(out);
    Process notifications =
        jar(
            "notifications",
            "tail",
            "--kafka",
            kafka,
            "--topic",
            "tonewatch.notifications",
            "--from-beginning",
            "--count",
            "1",
            "--duration",
            "300");
    assertTrue(notifications.waitFor(5, TimeUnit.MINUTES), "tail printed no notification");
    assertTrue(
        read("notifications.out").startsWith("notify agent agent_cue call demo-1: "),
        read("notifications.out") + read("notifications.err"));

    run.destroy(); // SIGTERM: ingest flushed, offsets committed, broker closed
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "run stops on SIGTERM");
    assertTrue(read("run.out").contains("run: stopped"), read("run.out"));
  }

  /**
   * A real Prometheus (Debian's) scrapes the three services of {@code run --demo} and evaluates the
   * alert rules of {@code ops/}: it sees frames counted, an alert and a notification; every metric
   * the dashboards and rules use is exported; {@code promtool check metrics} is clean for each.
   */
  @Test
  void prometheusSeesTheDemosMetricsAndTheOpsFilesUseOnlyExportedOnes() throws Exception {
    Process run = runDemo(46300);
    String banner = awaitOutput(run, "run", ALERTING_PORT);
    Map<String, Integer> jobs = new TreeMap<>();
    jobs.put("ingest", Integer.parseInt(group(INGEST_PORT, banner)));
    jobs.put("process", Integer.parseInt(group(PROCESS_PORT, banner)));
    jobs.put("alerting", Integer.parseInt(group(ALERTING_PORT, banner)));

    Path rules = OpsFilesTest.ROOT.resolve("ops/prometheus/rules/tonewatch.rules.yml");
    try (LocalPrometheus prometheus = LocalPrometheus.scrape(dir, jobs, rules)) {
      prometheus.awaitValue("count(up == 1)", 3);
      prometheus.awaitValue(
          "sum(tonewatch_ingest_packets_total{outcome=\"accepted\"})", "> 0", v -> v > 0);
      prometheus.awaitValue("sum(tonewatch_ingest_frames_total)", "> 0", v -> v > 0);
      prometheus.awaitValue("sum(tonewatch_process_frames_total)", "> 0", v -> v > 0);
      prometheus.awaitValue("sum(tonewatch_process_alerts_total)", ">= 1", v -> v >= 1);
      prometheus.awaitValue(
          "sum(tonewatch_alerting_notifications_total{outcome=\"sent\"})", ">= 1", v -> v >= 1);
      double lagSeconds =
          prometheus.awaitValue(
              "max(tonewatch_process_decision_lag_seconds{quantile=\"0.5\"})", "> 0", v -> v > 0);
      assertTrue(lagSeconds < 30, "a live decision lags capture by seconds at most: " + lagSeconds);
      String ruleState =
          prometheus.awaitApi(
              "every rule of ops/ evaluated without error",
              "/api/v1/rules",
              body ->
                  body.contains("\"name\":\"TonewatchServiceDown\"")
                      && !body.contains("\"health\":\"unknown\"")
                      && !body.contains("\"health\":\"err\""));
      assertTrue(ruleState.contains("\"name\":\"TonewatchConsumerLagGrowing\""), ruleState);
    }

    Set<String> exported = new TreeSet<>();
    for (int port : jobs.values()) {
      String metrics = get("http://127.0.0.1:" + port + "/metrics");
      Promtool.assertMetricsClean(dir, metrics);
      exported.addAll(OpsMetricNames.exported(metrics));
    }
    Set<String> missing = new TreeSet<>(OpsMetricNames.used());
    missing.removeAll(exported);
    assertEquals(Set.of(), missing, "used in ops/ but exported by no service");
    assertEquals(
        MetricsReference.documented(),
        MetricsReference.families(exported),
        "docs/METRICS.md lists exactly the tonewatch metrics the services export");

    run.destroy();
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "run stops on SIGTERM");
  }

  /** Signs in to the console with the printed demo sign-in and finds the demo call's alert. */
  private static void consoleShowsTheDemoCall(String out) throws Exception {
    Matcher m = CONSOLE.matcher(out);
    assertTrue(m.find(), "run prints the console and a demo sign-in: " + out);
    String base = m.group(1);
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> signIn =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "user=" + m.group(2) + "&password=" + m.group(3)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals("/console", signIn.headers().firstValue("Location").orElse(""), signIn.body());
    String[] alerts = new String[1];
    Await.until(
        "the demo call's alert in the console",
        () -> {
          try {
            alerts[0] =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/alerts")).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return alerts[0].contains("\"callId\":\"demo-1\"");
        });
    assertTrue(alerts[0].contains("customer: pitch"), alerts[0]);
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static int status(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private String awaitOutput(Process child, String name, Pattern pattern) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      String text = read(name + ".out");
      if (pattern.matcher(text).find()) {
        return text;
      }
      assertTrue(child.isAlive(), name + " exited: " + read(name + ".err"));
      Thread.sleep(100);
    }
    throw new AssertionError(name + " never printed " + pattern + ": " + read(name + ".out"));
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), pattern + " in " + text);
    return m.group(1);
  }
}
