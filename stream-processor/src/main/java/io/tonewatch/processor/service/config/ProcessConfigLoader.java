package io.tonewatch.processor.service.config;

import static io.tonewatch.processor.service.config.ProcessKey.*;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

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
   * @throws ProcessConfigException naming the key and value of the first bad setting
   */
  public static ProcessConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<ProcessKey, String> values = new EnumMap<>(ProcessKey.class);
    for (ProcessKey key : ProcessKey.values()) {
      values.put(key, key.defaultValue());
    }
    if (file != null) {
      merge(values, read(file), file.toString());
    }
    for (ProcessKey key : ProcessKey.values()) {
      if (env.containsKey(key.envName())) {
        values.put(key, env.get(key.envName()));
      }
    }
    merge(values, overrides, "the overrides");
    return build(values);
  }

  /** The defaults with {@code settings} (keys like {@code process.workers}) on top. */
  public static ProcessConfig fromMap(Map<String, String> settings) {
    return load(null, Map.of(), settings);
  }

  private static void merge(Map<ProcessKey, String> values, Map<?, ?> source, String where) {
    source.forEach(
        (name, value) -> {
          String keyName = String.valueOf(name).strip();
          ProcessKey key = ProcessKey.byKey(keyName);
          if (key != null) {
            values.put(key, String.valueOf(value));
          } else if (keyName.startsWith(ProcessKey.PREFIX)) {
            throw new ProcessConfigException(
                keyName + " in " + where + " is not a process setting");
          }
        });
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return properties;
    } catch (IOException e) {
      throw new ProcessConfigException("cannot read the settings file " + file + ": " + e, e);
    }
  }

  private static ProcessConfig build(Map<ProcessKey, String> raw) {
    Map<ProcessKey, String> v = new EnumMap<>(ProcessKey.class);
    raw.forEach((key, value) -> v.put(key, value.strip()));
    return new ProcessConfig(
        v.get(GROUP_ID),
        v.get(CLIENT_ID),
        whole(v, WORKERS),
        whole(v, MAX_CALLS),
        whole(v, WORKER_QUEUE_RECORDS),
        whole(v, MEDIA_TIMEOUT_SECONDS),
        whole(v, COMMIT_INTERVAL_MS),
        flag(v, SUMMARIES),
        flag(v, AGENT_ALERTS),
        v.get(AUTO_OFFSET_RESET).toLowerCase(Locale.ROOT),
        whole(v, SESSION_TIMEOUT_MS),
        whole(v, DELIVERY_TIMEOUT_MS),
        whole(v, RETRY_BACKOFF_MAX_MS),
        v.get(AUDIO_TOPIC),
        v.get(ALERTS_TOPIC),
        v.get(FEATURES_TOPIC),
        v.get(BIND_ADDRESS),
        whole(v, HTTP_PORT));
  }

  private static int whole(Map<ProcessKey, String> values, ProcessKey key) {
    try {
      return Integer.parseInt(values.get(key));
    } catch (NumberFormatException e) {
      throw ProcessConfigException.of(key, values.get(key), "is not a whole number");
    }
  }

  private static boolean flag(Map<ProcessKey, String> values, ProcessKey key) {
    String value = values.get(key).toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw ProcessConfigException.of(key, values.get(key), "is not true or false");
  }

  /** Prints every key with its default and meaning, for {@code --list-settings}. */
  public static String table() {
    StringBuilder out = new StringBuilder();
    for (ProcessKey key : ProcessKey.values()) {
      String value = key.defaultValue().isEmpty() ? "(empty)" : key.defaultValue();
      out.append(String.format("%-32s %-20s %s%n", key.key(), value, key.description()));
    }
    return out.toString();
  }
}
