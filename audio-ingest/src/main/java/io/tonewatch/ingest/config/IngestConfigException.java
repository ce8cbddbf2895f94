package io.tonewatch.ingest.config;

/** A setting that stops start-up; the message names the key and the value. */
public final class IngestConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public IngestConfigException(String message) {
    super(message);
  }

  public IngestConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  static IngestConfigException of(IngestKey key, Object value, String problem) {
    return new IngestConfigException(key.key() + "=" + value + " " + problem);
  }
}
