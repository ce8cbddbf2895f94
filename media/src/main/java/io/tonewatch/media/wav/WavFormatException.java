package io.tonewatch.media.wav;

import java.io.IOException;

/**
 * A file that is not a WAV file tonewatch can read. The message is one sentence for the user that
 * names the file and says what is wrong with it.
 */
public final class WavFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  public WavFormatException(String message) {
    super(message);
  }

  public WavFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
