package io.tonewatch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric families docs/METRICS.md lists, and the families a scrape's sample names belong to.
 */
final class MetricsReference {
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `(tonewatch_[a-z0-9_]+)` \\|");
  private static final Pattern PART = Pattern.compile("^(.+)_(count|sum|bucket|max)$");

  private MetricsReference() {}

  static Set<String> documented() throws IOException {
    Matcher row = ROW.matcher(Files.readString(OpsFilesTest.ROOT.resolve("docs/METRICS.md")));
    Set<String> names = new TreeSet<>();
    while (row.find()) {
      names.add(row.group(1));
    }
    return names;
  }

  /**
   * tonewatch's families among {@code samples}: a timer's or summary's {@code _count}, {@code
   * _sum}, {@code _max} and {@code _bucket} samples belong to its base name.
   */
  static Set<String> families(Set<String> samples) {
    Set<String> families = new TreeSet<>();
    for (String sample : samples) {
      if (!sample.startsWith("tonewatch_")) {
        continue;
      }
      Matcher part = PART.matcher(sample);
      boolean ofBase = part.matches() && samples.contains(part.group(1) + "_count");
      families.add(ofBase ? part.group(1) : sample);
    }
    return families;
  }
}
