package io.tonewatch.alerting.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a settings file of {@code key = value} lines ({@code #} starts a comment line), keeping the
 * line of each key so that an error can name it. Simpler than {@link java.util.Properties} on
 * purpose: no continuation lines and no escapes, so a line number always points at the value.
 */
final class SettingsFile {
  /** One value and where it was written. */
  record Entry(String value, int line) {}

  private SettingsFile() {}

  static Map<String, Entry> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AlertingConfigException("cannot read the settings file " + file + ": " + e, e);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      int line = i + 1;
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      int equals = text.indexOf('=');
      if (equals <= 0) {
        throw new AlertingConfigException(
            file.getFileName() + " line " + line + ": '" + text + "' is not key = value");
      }
      String key = text.substring(0, equals).strip();
      if (entries.containsKey(key)) {
        throw new AlertingConfigException(
            file.getFileName()
                + " line "
                + line
                + ": "
                + key
                + " is set again (first on line "
                + entries.get(key).line()
                + ")");
      }
      entries.put(key, new Entry(text.substring(equals + 1).strip(), line));
    }
    return entries;
  }
}
