package io.tonewatch.app.kafka;

/** The embedded broker could not start, or Kafka tried to end the JVM. */
public final class EmbeddedKafkaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
