package io.tonewatch.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of one service: every key starts with {@code prefix} (e.g. {@code ingest.}) and its
 * environment variable with {@code envPrefix} (e.g. {@code TONEWATCH_INGEST_}). {@link #load}
 * layers, lowest to highest precedence, the defaults, a properties file, the environment and
 * explicit overrides (the CLI's flags, keyed like the file). An unknown key with the family's
 * prefix is an error, so a typo never silently keeps a default; keys under a {@code delegated}
 * prefix belong to a part that validates its own, and other families' keys may share the file.
 * Immutable.
 */
public final class SettingsFamily<K extends Enum<K> & SettingKey> {
  private final Class<K> keys;
  private final String prefix;
  private final String envPrefix;
  private final String noun;
  private final List<String> delegated;

  /**
   * @param noun how an error names the family: "is not an {@code noun} setting"
   * @param delegated key prefixes inside the family that another part validates
   */
  public SettingsFamily(
      Class<K> keys, String prefix, String envPrefix, String noun, List<String> delegated) {
    this.keys = keys;
    this.prefix = prefix;
    this.envPrefix = envPrefix;
    this.noun = noun;
    this.delegated = List.copyOf(delegated);
  }

  /**
   * The environment variable of {@code key}: {@code process.max-calls} is {@code ..._MAX_CALLS}.
   */
  public String envName(K key) {
    String rest = key.key().substring(prefix.length()).replace('.', '_').replace('-', '_');
    return envPrefix + rest.toUpperCase(Locale.ROOT);
  }

  /** The key named {@code name}, or null. */
  public K byKey(String name) {
    for (K key : keys.getEnumConstants()) {
      if (key.key().equals(name)) {
        return key;
      }
    }
    return null;
  }

  /**
   * The merged values; {@code file} may be null.
   *
   * @throws SettingsException naming the first unknown key, or the file that cannot be read
   */
  public SettingValues<K> load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<K, String> values = new EnumMap<>(keys);
    for (K key : keys.getEnumConstants()) {
      values.put(key, key.defaultValue());
    }
    if (file != null) {
      merge(values, read(file), file.toString());
    }
    for (K key : keys.getEnumConstants()) {
      String fromEnv = env.get(envName(key));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    merge(values, overrides, "the overrides");
    return new SettingValues<>(values);
  }

  /** Every key, its default and meaning, one a line, for {@code --list-settings}. */
  public String table(int keyWidth, int valueWidth) {
    String line = "%-" + keyWidth + "s %-" + valueWidth + "s %s%n";
    StringBuilder out = new StringBuilder();
    for (K key : keys.getEnumConstants()) {
      String value = key.defaultValue().isEmpty() ? "(empty)" : key.defaultValue();
      out.append(String.format(line, key.key(), value, key.description()));
    }
    return out.toString();
  }

  private void merge(Map<K, String> values, Map<?, ?> source, String where) {
    for (Map.Entry<?, ?> e : source.entrySet()) {
      String name = String.valueOf(e.getKey()).strip();
      K key = byKey(name);
      if (key != null) {
        values.put(key, String.valueOf(e.getValue()));
      } else if (name.startsWith(prefix) && delegated.stream().noneMatch(name::startsWith)) {
        throw new SettingsException(name + " in " + where + " is not " + noun + " setting");
      }
    }
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return properties;
    } catch (IOException e) {
      throw new SettingsException("cannot read the settings file " + file + ": " + e, e);
    }
  }
}
