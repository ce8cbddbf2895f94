package io.tonewatch.media.call;

import java.io.IOException;

/** A readable recording that cannot be analysed as a call; the message is one sentence. */
public final class CallAudioException extends IOException {
  private static final long serialVersionUID = 1L;

  public CallAudioException(String message) {
    super(message);
  }
}
