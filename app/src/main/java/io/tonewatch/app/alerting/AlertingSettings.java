package io.tonewatch.app.alerting;

import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.config.AlertingConfigLoader;
import io.tonewatch.alerting.config.AlertingKey;
import io.tonewatch.alerting.config.IntegrationSettings;
import io.tonewatch.app.CliFailure;
import io.tonewatch.app.ServiceSettings;
import java.nio.file.Path;
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
    return ServiceSettings.resolve(
        AlertingKey.PREFIX, AlertingConfigLoader::load, file, env, flags);
  }

  /** The call platform's and webhook's settings, resolved the same way. */
  public static IntegrationSettings integrations(
      Path file, Map<String, String> env, Map<String, String> flags) {
    return ServiceSettings.resolve(AlertingKey.PREFIX, IntegrationSettings::load, file, env, flags);
  }
}
