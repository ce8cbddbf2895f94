package io.tonewatch.alerting.config;

/** A setting that stops start-up; the message names the key, the value and where it came from. */
public final class AlertingConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public AlertingConfigException(String message) {
    super(message);
  }

  public AlertingConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
