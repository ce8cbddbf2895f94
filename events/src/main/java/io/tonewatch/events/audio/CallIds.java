package io.tonewatch.events.audio;

import java.nio.charset.StandardCharsets;

/**
 * Call ids are non-blank and at most {@link #MAX_BYTES} bytes of UTF-8, so frame headers stay
 * small.
 */
public final class CallIds {
  public static final int MAX_BYTES = 255;

  private CallIds() {}

  /** Throws with the offending value unless {@code callId} is a valid call id. */
  public static String require(String callId) {
    if (callId == null || callId.isBlank()) {
      throw new IllegalArgumentException("callId must not be blank");
    }
    // A UTF-8 char takes at most 3 bytes per UTF-16 unit: short ids need no encoding (no garbage
    // per frame on the hot path).
    if (callId.length() * 3 > MAX_BYTES
        && callId.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "callId must be at most " + MAX_BYTES + " bytes of UTF-8, was '" + callId + "'");
    }
    return callId;
  }
}
