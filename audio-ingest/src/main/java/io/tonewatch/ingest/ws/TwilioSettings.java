package io.tonewatch.ingest.ws;

import io.tonewatch.events.Leg;
import java.util.Objects;

/**
 * How the Twilio Media Streams endpoint is served.
 *
 * @param path the WebSocket route, e.g. {@code /v1/media/twilio}
 * @param token when non-null, the upgrade must carry {@code Authorization: Bearer <token>} or
 *     {@code ?token=<token>}
 * @param maxMessageChars the longest text message decoded; longer ones are counted OVERSIZED
 * @param maxPayloadBytes the largest decoded media payload accepted
 * @param maxGapFrames the most 20 ms frames one reported gap is filled with
 * @param idleTimeoutMillis a socket that sends nothing for this long is closed
 * @param inboundLeg the leg of the {@code inbound} track (the caller's audio as Twilio receives
 *     it); the {@code outbound} track gets the other leg
 */
public record TwilioSettings(
    String path,
    String token,
    int maxMessageChars,
    int maxPayloadBytes,
    int maxGapFrames,
    int idleTimeoutMillis,
    Leg inboundLeg) {

  public static final String DEFAULT_PATH = "/v1/media/twilio";

  public TwilioSettings {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("websocket.path must start with '/', was " + path);
    }
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException("websocket.token must not be blank when set");
    }
    require(maxMessageChars >= 256, "websocket.max.message.chars", maxMessageChars);
    require(maxPayloadBytes >= 160, "websocket.max.payload.bytes", maxPayloadBytes);
    require(maxGapFrames >= 0 && maxGapFrames <= 3000, "websocket.max.gap.frames", maxGapFrames);
    require(idleTimeoutMillis >= 1, "websocket.idle.timeout.ms", idleTimeoutMillis);
    Objects.requireNonNull(inboundLeg, "websocket.inbound.leg");
  }

  /**
   * The default path, no token, 64 KiB messages, 16,000-byte payloads (2 s), gaps of up to 250
   * frames (5 s), 15 s idle timeout, inbound = customer.
   */
  public static TwilioSettings defaults() {
    return new TwilioSettings(DEFAULT_PATH, null, 65_536, 16_000, 250, 15_000, Leg.CUSTOMER);
  }

  /** These settings with an auth token. */
  public TwilioSettings withToken(String newToken) {
    return new TwilioSettings(
        path,
        newToken,
        maxMessageChars,
        maxPayloadBytes,
        maxGapFrames,
        idleTimeoutMillis,
        inboundLeg);
  }

  private static void require(boolean ok, String key, int value) {
    if (!ok) {
      throw new IllegalArgumentException("invalid " + key + ": " + value);
    }
  }
}
