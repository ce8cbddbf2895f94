package io.tonewatch.processor.service.config;

import static io.tonewatch.processor.service.config.ProcessKey.*;

import io.tonewatch.settings.SettingValues;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link ProcessConfig} from, lowest to highest precedence: the defaults, a properties
 * file, environment variables ({@code TONEWATCH_PROCESS_...}) and explicit overrides (the CLI's
 * flags, keyed like the file). An unknown {@code process.*} key is an error, so a typo never
 * silently keeps a default; other modules' keys may share the file.
 */
public final class ProcessConfigLoader {
  private ProcessConfigLoader() {}

  /**
   * Loads the settings; {@code file} may be null.
   *
   * @throws io.tonewatch.settings.SettingsException naming the key and value of the first bad
   *     setting
   */
  public static ProcessConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    SettingValues<ProcessKey> v = FAMILY.load(file, env, overrides);
    return new ProcessConfig(
        v.text(GROUP_ID),
        v.text(CLIENT_ID),
        v.whole(WORKERS),
        v.whole(MAX_CALLS),
        v.whole(WORKER_QUEUE_RECORDS),
        v.whole(MAX_UNACKNOWLEDGED_RECORDS),
        v.whole(MEDIA_TIMEOUT_SECONDS),
        v.whole(COMMIT_INTERVAL_MS),
        v.flag(SUMMARIES),
        v.flag(AGENT_ALERTS),
        v.text(AUTO_OFFSET_RESET).toLowerCase(Locale.ROOT),
        v.whole(SESSION_TIMEOUT_MS),
        v.whole(DELIVERY_TIMEOUT_MS),
        v.whole(RETRY_BACKOFF_MAX_MS),
        v.text(AUDIO_TOPIC),
        v.text(ALERTS_TOPIC),
        v.text(FEATURES_TOPIC),
        v.text(CALLS_TOPIC),
        v.text(BIND_ADDRESS),
        v.whole(HTTP_PORT));
  }

  /** The defaults with {@code settings} (keys like {@code process.workers}) on top. */
  public static ProcessConfig fromMap(Map<String, String> settings) {
    return load(null, Map.of(), settings);
  }

  /** Prints every key with its default and meaning, for {@code --list-settings}. */
  public static String table() {
    return FAMILY.table(32, 20);
  }
}
