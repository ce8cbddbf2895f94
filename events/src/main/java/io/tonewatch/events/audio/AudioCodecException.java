package io.tonewatch.events.audio;

/**
 * Bytes that are not a valid audio message (or a message that cannot be encoded): the one exception
 * {@link AudioMessageCodec} throws, with a message saying what was wrong and at which byte offset.
 */
public final class AudioCodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AudioCodecException(String message) {
    super(message);
  }

  public AudioCodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
