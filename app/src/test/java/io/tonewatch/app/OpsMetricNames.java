package io.tonewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names the files under {@code ops/} use: the dashboards' queries and the alert rules'
 * expressions. Only tonewatch's and the JVM's names: {@code up} is Prometheus's own.
 */
final class OpsMetricNames {
  private static final Pattern NAME = Pattern.compile("\\b(?:tonewatch|jvm)_[a-z0-9_]+");
  private static final Pattern RULE_EXPR =
      Pattern.compile("(?m)^\\s+expr: (>\\n(?:\\s{10}.*\\n)+|.*)");

  private OpsMetricNames() {}

  static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(OpsFilesTest.ROOT.resolve("ops/grafana/dashboards"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every name a dashboard or a rule queries. */
  static Set<String> used() throws IOException {
    Set<String> names = new TreeSet<>();
    for (Path file : dashboards()) {
      for (JsonNode panel : new ObjectMapper().readTree(file.toFile()).path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          names.addAll(names(target.path("expr").asText()));
        }
      }
    }
    String rules =
        Files.readString(OpsFilesTest.ROOT.resolve("ops/prometheus/rules/tonewatch.rules.yml"));
    Matcher expr = RULE_EXPR.matcher(rules);
    while (expr.find()) {
      names.addAll(names(expr.group(1)));
    }
    return names;
  }

  /** The sample names (what a scrape's lines start with) of a Prometheus text exposition. */
  static Set<String> exported(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private static Set<String> names(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(expression);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }
}
