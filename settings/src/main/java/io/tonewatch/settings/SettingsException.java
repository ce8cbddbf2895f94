package io.tonewatch.settings;

/** A setting that stops start-up; the message names the key and the value. */
public final class SettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code key=value problem}, e.g. {@code ingest.http-port=x is not a whole number}. */
  public static SettingsException of(SettingKey key, Object value, String problem) {
    return new SettingsException(key.key() + "=" + value + " " + problem);
  }
}
