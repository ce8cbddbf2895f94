package io.tonewatch.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The settings file and overrides of the service commands ({@code process}, {@code run}). */
final class SettingsOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. --set process.workers=4 (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();
}
