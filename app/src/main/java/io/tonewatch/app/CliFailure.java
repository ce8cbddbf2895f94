package io.tonewatch.app;

/** A failure the user can act on; its message is the one sentence printed on stderr. */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CliFailure(String message) {
    super(message);
  }

  public CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
