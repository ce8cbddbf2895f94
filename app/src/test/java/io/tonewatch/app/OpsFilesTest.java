package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tonewatch.alerting.config.AlertingKey;
import io.tonewatch.app.alerting.AlertingSettings;
import io.tonewatch.app.ingest.IngestSettings;
import io.tonewatch.app.process.ProcessSettings;
import io.tonewatch.events.Topics;
import io.tonewatch.ingest.config.IngestKey;
import io.tonewatch.processor.service.config.ProcessKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment files validated without a Docker engine: the image builds the README's jar, the
 * compose file resolves (Debian's docker-compose) and gives each service settings it accepts,
 * Prometheus's config and rules pass promtool (rules with their unit tests), and the dashboards use
 * the provisioned data source.
 */
class OpsFilesTest {
  static final Path ROOT = Path.of("..");
  private static final Pattern SERVICE = Pattern.compile("(?m)^  ([a-z]+):\\n((?:    .*\\n|\\n)*)");

  record Run(int exitCode, String output) {}

  @Test
  void theDockerfileBuildsTheJarTheReadmeBuilds() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher first =
        Pattern.compile("```\\n(.+?) && java -jar (\\S+) run --demo\\n").matcher(readme);
    assertTrue(first.find(), "the README's first command builds and runs the jar");
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    Matcher build = Pattern.compile("(?m)^RUN (\\./mvnw .*)$").matcher(dockerfile);
    assertTrue(build.find(), "the Dockerfile builds with ./mvnw");
    assertEquals(first.group(1), build.group(1));
    assertTrue(
        dockerfile.contains("COPY --from=build /src/" + first.group(2) + " "),
        "the image copies the jar the README runs: " + first.group(2));
    assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"), "a JRE 17 base");
    assertTrue(dockerfile.matches("(?s).*\\nUSER tonewatch\\n.*"), "not root");
  }

  @Test
  void theComposeFileResolvesAndEveryServiceAcceptsItsSettings() throws Exception {
    Run config =
        run("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(), "config");
    assertEquals(0, config.exitCode(), config.output());
    Map<String, String> services = services(config.output());
    for (String name : List.of("kafka", "topics", "ingest", "process", "alerting")) {
      assertTrue(services.containsKey(name), name + " in\n" + config.output());
    }
    for (String name : List.of("prometheus", "grafana")) {
      assertTrue(services.containsKey(name), name + " in\n" + config.output());
    }
    String process = services.get("process");
    assertFalse(process.contains("container_name:"), "--scale needs no fixed name");
    assertFalse(process.contains("ports:"), "--scale needs no fixed host port");
    String raw = Files.readString(ROOT.resolve("docker-compose.yml"));
    for (String topic :
        List.of(
            Topics.AUDIO, Topics.FEATURES, Topics.ALERTS, Topics.ACTIONS, Topics.NOTIFICATIONS)) {
      assertTrue(raw.contains("\n        create " + topic + " "), topic + " is created");
    }
    String ingest = services.get("ingest");
    assertEquals(
        100,
        Pattern.compile("protocol: udp\n\\s+published: 40\\d{3}\n")
            .matcher(ingest)
            .results()
            .count(),
        "ingest publishes its RTP range 40000-40099");
    // The loaders refuse unknown keys and bad values, naming them: these calls throw if so.
    // The loaders read only the names they know, so a misspelt variable would be ignored.
    Set<String> known = new HashSet<>();
    Arrays.stream(IngestKey.values()).forEach(k -> known.add(envName(k.key())));
    Arrays.stream(ProcessKey.values()).forEach(k -> known.add(envName(k.key())));
    Arrays.stream(AlertingKey.values()).forEach(k -> known.add(envName(k.key())));
    for (String service : List.of("ingest", "process", "alerting")) {
      for (String name : imageAnd(environment(services.get(service))).keySet()) {
        if (name.matches("TONEWATCH_(INGEST|PROCESS|ALERTING)_.*")) {
          assertTrue(known.contains(name), service + ": " + name + " names no setting");
        }
      }
    }
    // ... with the image's own ENV under them, as a container sees both.
    IngestSettings.resolve(null, imageAnd(environment(services.get("ingest"))), Map.of());
    ProcessSettings.resolve(null, imageAnd(environment(services.get("process"))), Map.of());
    AlertingSettings.resolve(null, imageAnd(environment(services.get("alerting"))), Map.of());
    for (String name : List.of("ingest", "process", "alerting", "kafka", "prometheus", "grafana")) {
      assertTrue(services.get(name).contains("healthcheck:"), name + " has a healthcheck");
      assertTrue(services.get(name).contains("restart: unless-stopped"), name + " restarts");
    }
  }

  @Test
  void prometheusConfigAndRulesPassPromtoolAndTheRulesTheirUnitTests() throws Exception {
    Path prometheus = ROOT.resolve("ops/prometheus");
    for (List<String> check :
        List.of(
            List.of("check", "config", prometheus.resolve("prometheus.yml").toString()),
            List.of("check", "rules", prometheus.resolve("rules/tonewatch.rules.yml").toString()),
            List.of(
                "test",
                "rules",
                prometheus.resolve("tests/tonewatch.rules.test.yml").toString()))) {
      Run result = run(Stream.concat(Stream.of("promtool"), check.stream()).toArray(String[]::new));
      assertEquals(0, result.exitCode(), check + ":\n" + result.output());
      assertTrue(result.output().contains("SUCCESS"), result.output());
    }
  }

  @Test
  void everyDashboardPanelQueriesTheProvisionedPrometheus() throws IOException {
    String datasources =
        Files.readString(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml"));
    assertTrue(datasources.contains("uid: tonewatch-prometheus"), datasources);
    List<Path> dashboards = OpsMetricNames.dashboards();
    assertEquals(4, dashboards.size(), "ingest, processing, alerts, JVM: " + dashboards);
    for (Path file : dashboards) {
      JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
      assertFalse(dashboard.path("panels").isEmpty(), file.toString());
      for (JsonNode panel : dashboard.path("panels")) {
        assertEquals(
            "tonewatch-prometheus", panel.path("datasource").path("uid").asText(), file.toString());
        assertFalse(panel.path("targets").isEmpty(), file + " " + panel.path("title"));
        for (JsonNode target : panel.path("targets")) {
          assertFalse(target.path("expr").asText().isBlank(), file + " " + panel.path("title"));
        }
      }
    }
  }

  /** Each service's block of the resolved compose file, by name. */
  private static Map<String, String> services(String resolved) {
    String body = resolved.substring(resolved.indexOf("services:\n"));
    Map<String, String> services = new HashMap<>();
    Matcher m = SERVICE.matcher(body);
    while (m.find()) {
      services.put(m.group(1), m.group(2));
    }
    return services;
  }

  /** The {@code environment:} map of one resolved service block. */
  private static Map<String, String> environment(String service) {
    Map<String, String> env = new HashMap<>();
    Matcher block = Pattern.compile("(?m)^    environment:\\n((?:      .*\\n)*)").matcher(service);
    assertTrue(block.find(), service);
    for (String line : block.group(1).split("\\n")) {
      int colon = line.indexOf(':');
      String value = line.substring(colon + 1).strip();
      env.put(line.substring(0, colon).strip(), value.replaceAll("^(['\"])(.*)\\1$", "$2"));
    }
    return env;
  }

  private static String envName(String key) {
    return "TONEWATCH_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The Dockerfile's {@code TONEWATCH_*} ENV values, overridden by {@code compose}'s. */
  private static Map<String, String> imageAnd(Map<String, String> compose) throws IOException {
    Map<String, String> env = new HashMap<>();
    Matcher m =
        Pattern.compile("(TONEWATCH_[A-Z_]+)=(\\S+)")
            .matcher(Files.readString(ROOT.resolve("Dockerfile")));
    while (m.find()) {
      env.put(m.group(1), m.group(2));
    }
    assertTrue(env.containsKey("TONEWATCH_INGEST_BIND_ADDRESS"), "the image's ENV: " + env);
    env.putAll(compose);
    return env;
  }

  private static Run run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      assumeTrue(false, command[0] + " is not installed (.ci/run installs it): " + notInstalled);
      throw notInstalled;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), command[0] + " did not finish");
    return new Run(process.exitValue(), output);
  }
}
