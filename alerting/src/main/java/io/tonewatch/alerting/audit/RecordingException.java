package io.tonewatch.alerting.audit;

/** The broker did not acknowledge an action or a notification; it may be tried again. */
public final class RecordingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecordingException(String message, Throwable cause) {
    super(message, cause);
  }
}
