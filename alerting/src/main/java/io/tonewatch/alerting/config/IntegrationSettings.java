package io.tonewatch.alerting.config;

import io.tonewatch.settings.SettingValues;
import io.tonewatch.settings.SettingsException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the {@link IntegrationKey} settings (defaults, file, {@code TONEWATCH_ALERTING_...}
 * variables, overrides: the same sources as {@link AlertingConfigLoader}) and reads them typed.
 * Every failure names the key and the value, except a secret's value, which is never shown.
 * Immutable.
 */
public final class IntegrationSettings {
  private final SettingValues<IntegrationKey> values;

  private IntegrationSettings(SettingValues<IntegrationKey> values) {
    this.values = values;
  }

  /**
   * @throws SettingsException naming the first unknown key
   */
  public static IntegrationSettings load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    return new IntegrationSettings(IntegrationKey.FAMILY.load(file, env, overrides));
  }

  /** The defaults with {@code overrides} on top, keyed like the file. */
  public static IntegrationSettings of(Map<String, String> overrides) {
    return load(null, Map.of(), overrides);
  }

  public String text(IntegrationKey key) {
    return values.text(key);
  }

  /** A whole number within {@code min}-{@code max}. */
  public int whole(IntegrationKey key, int min, int max) {
    int value = values.whole(key);
    if (value < min || value > max) {
      throw SettingsException.of(key, value, "is not " + min + "-" + max);
    }
    return value;
  }

  /** A text that must not be blank. */
  public String required(IntegrationKey key, String why) {
    String value = values.text(key);
    if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
      throw SettingsException.of(key, value, "must be set (without spaces) " + why);
    }
    return value;
  }

  /** An http or https URL. */
  public URI url(IntegrationKey key) {
    String value = values.text(key);
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the key
    }
    throw SettingsException.of(key, value, "is not an http or https URL");
  }

  /**
   * A secret from {@code fileKey}'s file (first line, trimmed) if that is set, else from {@code
   * valueKey}; required. The value never appears in a message.
   */
  public String secret(IntegrationKey valueKey, IntegrationKey fileKey, String why) {
    String file = values.text(fileKey);
    String secret;
    if (!file.isEmpty()) {
      try {
        secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        throw new SettingsException(
            fileKey.key() + "=" + file + " cannot be read: " + e.getMessage(), e);
      }
      if (secret.isEmpty()) {
        throw SettingsException.of(fileKey, file, "is an empty file");
      }
      return secret;
    }
    secret = values.text(valueKey);
    if (secret.isEmpty()) {
      throw new SettingsException(
          valueKey.key()
              + " is not set: "
              + why
              + " needs it (environment "
              + valueKey.envName()
              + " or "
              + fileKey.key()
              + ")");
    }
    return secret;
  }

  /** Whether a secret is configured by either key. */
  public boolean hasSecret(IntegrationKey valueKey, IntegrationKey fileKey) {
    return !values.text(fileKey).isEmpty() || !values.text(valueKey).isEmpty();
  }
}
