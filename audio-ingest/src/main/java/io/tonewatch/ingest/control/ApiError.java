package io.tonewatch.ingest.control;

/** A refused request: its HTTP status and a one-sentence reason, sent as {@code {"error":...}}. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false); // no stack trace: this is an answer, not a failure
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }
}
