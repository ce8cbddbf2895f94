package io.tonewatch.processor.service.config;

/** A setting that stops start-up; the message names the key and the value. */
public final class ProcessConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ProcessConfigException(String message) {
    super(message);
  }

  public ProcessConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  static ProcessConfigException of(ProcessKey key, Object value, String problem) {
    return new ProcessConfigException(key.key() + "=" + value + " " + problem);
  }
}
