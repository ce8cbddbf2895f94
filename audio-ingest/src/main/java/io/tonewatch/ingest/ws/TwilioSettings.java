package io.tonewatch.ingest.ws;

import static io.tonewatch.ingest.config.IngestKey.*;

import io.tonewatch.events.Leg;
import io.tonewatch.ingest.config.IngestKey;
import java.util.Objects;

/**
 * How the Twilio Media Streams endpoint is served. The messages of the checks name the {@link
 * IngestKey} each value comes from.
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
      throw new IllegalArgumentException("the WebSocket path must start with '/', was " + path);
    }
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException(AUTH_TOKEN.key() + " must not be blank when set");
    }
    require(maxMessageChars >= 256, WEBSOCKET_MAX_MESSAGE_CHARS, maxMessageChars);
    require(maxPayloadBytes >= 160, WEBSOCKET_MAX_PAYLOAD_BYTES, maxPayloadBytes);
    require(maxGapFrames >= 0 && maxGapFrames <= 3000, WEBSOCKET_MAX_GAP_FRAMES, maxGapFrames);
    require(idleTimeoutMillis >= 1, WEBSOCKET_IDLE_TIMEOUT_MS, idleTimeoutMillis);
    Objects.requireNonNull(inboundLeg, WEBSOCKET_INBOUND_LEG.key());
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

  private static void require(boolean ok, IngestKey key, int value) {
    if (!ok) {
      throw new IllegalArgumentException("invalid " + key.key() + ": " + value);
    }
  }
}
