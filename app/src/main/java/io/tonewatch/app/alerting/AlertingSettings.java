package io.tonewatch.app.alerting;

import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.config.AlertingConfigException;
import io.tonewatch.alerting.config.AlertingConfigLoader;
import io.tonewatch.alerting.config.AlertingKey;
import io.tonewatch.app.CliFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves the alerting service's settings for one start; a bad key or value is a {@link
 * CliFailure}.
 */
public final class AlertingSettings {
  private AlertingSettings() {}

  /**
   * Defaults, then {@code file} (may be null), then {@code TONEWATCH_ALERTING_...} variables, then
   * {@code flags}; keys of other modules in {@code flags} are left to them.
   */
  public static AlertingConfig resolve(
      Path file, Map<String, String> env, Map<String, String> flags) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new CliFailure("the settings file " + file + " does not exist");
    }
    Map<String, String> own = new LinkedHashMap<>();
    flags.forEach(
        (key, value) -> {
          if (key.strip().startsWith(AlertingKey.PREFIX)) {
            own.put(key.strip(), value);
          }
        });
    try {
      return AlertingConfigLoader.load(file, env, own);
    } catch (AlertingConfigException e) {
      throw new CliFailure(e.getMessage(), e);
    }
  }
}
