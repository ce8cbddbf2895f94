package io.tonewatch.ingest.config;

import static io.tonewatch.ingest.config.IngestKey.*;

import io.tonewatch.events.Leg;
import io.tonewatch.ingest.net.Cidr;
import io.tonewatch.ingest.net.PairBy;
import io.tonewatch.settings.SettingsException;
import java.util.List;
import java.util.Objects;

/**
 * Every setting of the ingest service, validated when built and frozen for the life of the service.
 * Build it with {@link IngestConfigLoader}; see {@link IngestKey} for keys and defaults. Each check
 * names the key and the value it refuses.
 */
public record IngestConfig(
    String bindAddress,
    String advertisedAddress,
    int httpPort,
    int rtpPortMin,
    int rtpPortMax,
    int maxLegs,
    int maxDatagramBytes,
    int sourceRateLimitPps,
    int rateLimitMaxSources,
    List<Cidr> allowedNetworks,
    int mediaTimeoutSeconds,
    String authToken,
    int staticPortMin,
    int staticPortMax,
    PairBy staticPairBy,
    int staticPairWindowSeconds,
    boolean websocketEnabled,
    int websocketMaxMessageChars,
    int websocketMaxPayloadBytes,
    int websocketMaxGapFrames,
    int websocketIdleTimeoutMs,
    Leg websocketInboundLeg,
    boolean audioSocketEnabled,
    int audioSocketPort,
    int audioSocketReadTimeoutMs,
    int audioSocketMaxPayloadBytes,
    Leg audioSocketFirstLeg,
    int jitterMinMs,
    int jitterMaxMs,
    int payloadL16Mono,
    int payloadL16Stereo,
    int payloadTelephoneEvent,
    String callerHashSecret) {

  public IngestConfig {
    Objects.requireNonNull(bindAddress, BIND_ADDRESS.key());
    advertisedAddress = advertisedAddress == null ? "" : advertisedAddress;
    authToken = authToken == null ? "" : authToken;
    callerHashSecret = callerHashSecret == null ? "" : callerHashSecret;
    allowedNetworks = List.copyOf(allowedNetworks);
    Objects.requireNonNull(staticPairBy, STATIC_PAIR_BY.key());
    Objects.requireNonNull(websocketInboundLeg, WEBSOCKET_INBOUND_LEG.key());
    Objects.requireNonNull(audioSocketFirstLeg, AUDIOSOCKET_FIRST_LEG.key());
    range(HTTP_PORT, httpPort, 0, 65535, "is not a port (0-65535, 0 = any free port)");
    range(RTP_PORT_MIN, rtpPortMin, 1, 65534, "is not a port (1-65535)");
    range(RTP_PORT_MAX, rtpPortMax, 1, 65535, "is not a port (1-65535)");
    if (rtpPortMin % 2 != 0) {
      throw SettingsException.of(RTP_PORT_MIN, rtpPortMin, "is odd: RTP uses even ports");
    }
    if (rtpPortMax <= rtpPortMin) {
      throw SettingsException.of(
          RTP_PORT_MAX, rtpPortMax, "must be above " + RTP_PORT_MIN.key() + "=" + rtpPortMin);
    }
    range(MAX_LEGS, maxLegs, 1, 1_000_000, "is not a leg count (1-1000000)");
    range(MAX_DATAGRAM_BYTES, maxDatagramBytes, 12, 65535, "is not a datagram size (12-65535)");
    range(SOURCE_RATE_LIMIT_PPS, sourceRateLimitPps, 0, 1_000_000, "is not a rate (0-1000000)");
    range(RATE_LIMIT_MAX_SOURCES, rateLimitMaxSources, 1, 10_000_000, "is not a count (1-1e7)");
    if (allowedNetworks.isEmpty()) {
      throw SettingsException.of(ALLOWED_NETWORKS, "", "allows no source at all");
    }
    range(MEDIA_TIMEOUT_SECONDS, mediaTimeoutSeconds, 1, 86_400, "is not a timeout (1-86400 s)");
    if (staticPortMin != 0 || staticPortMax != 0) {
      range(STATIC_PORT_MIN, staticPortMin, 1, 65534, "is not a port (1-65535)");
      range(STATIC_PORT_MAX, staticPortMax, 1, 65535, "is not a port (1-65535)");
      if (staticPortMin % 2 != 0) {
        throw SettingsException.of(STATIC_PORT_MIN, staticPortMin, "is odd: RTP uses even ports");
      }
      if (staticPortMax <= staticPortMin) {
        throw SettingsException.of(
            STATIC_PORT_MAX,
            staticPortMax,
            "must be above " + STATIC_PORT_MIN.key() + "=" + staticPortMin);
      }
      if (staticPortMin <= rtpPortMax && rtpPortMin <= staticPortMax) {
        throw SettingsException.of(
            STATIC_PORT_MIN,
            staticPortMin,
            "overlaps the control API's range " + rtpPortMin + "-" + rtpPortMax);
      }
    }
    range(
        STATIC_PAIR_WINDOW_SECONDS, staticPairWindowSeconds, 1, 3600, "is not a window (1-3600 s)");
    range(
        WEBSOCKET_MAX_MESSAGE_CHARS,
        websocketMaxMessageChars,
        256,
        4_194_304,
        "is not a message length (256-4194304 characters)");
    range(
        WEBSOCKET_MAX_PAYLOAD_BYTES,
        websocketMaxPayloadBytes,
        160,
        3_145_728,
        "is not a payload size (160-3145728 bytes)");
    // The payload arrives base64-encoded inside the message: a limit the message cannot carry
    // would never be reached, every such message would be refused for its length instead.
    int payloadChars = (websocketMaxPayloadBytes + 2) / 3 * 4;
    if (payloadChars >= websocketMaxMessageChars) {
      throw SettingsException.of(
          WEBSOCKET_MAX_PAYLOAD_BYTES,
          websocketMaxPayloadBytes,
          "needs "
              + payloadChars
              + " base64 characters, too many for "
              + WEBSOCKET_MAX_MESSAGE_CHARS.key()
              + "="
              + websocketMaxMessageChars);
    }
    range(
        WEBSOCKET_MAX_GAP_FRAMES, websocketMaxGapFrames, 0, 3000, "is not a frame count (0-3000)");
    range(
        WEBSOCKET_IDLE_TIMEOUT_MS,
        websocketIdleTimeoutMs,
        0,
        86_400_000,
        "is not a timeout (0-86400000 ms, 0 = the media timeout)");
    range(
        AUDIOSOCKET_PORT, audioSocketPort, 0, 65535, "is not a port (0-65535, 0 = any free port)");
    range(
        AUDIOSOCKET_READ_TIMEOUT_MS,
        audioSocketReadTimeoutMs,
        0,
        86_400_000,
        "is not a timeout (0-86400000 ms, 0 = the media timeout)");
    range(
        AUDIOSOCKET_MAX_PAYLOAD_BYTES,
        audioSocketMaxPayloadBytes,
        16,
        65535,
        "is not a payload size (16-65535 bytes)");
    range(JITTER_MIN_MS, jitterMinMs, 0, 2000, "is not a delay (0-2000 ms)");
    range(JITTER_MAX_MS, jitterMaxMs, 20, 5000, "is not a delay (20-5000 ms)");
    if (jitterMaxMs < jitterMinMs) {
      throw SettingsException.of(
          JITTER_MAX_MS, jitterMaxMs, "is below " + JITTER_MIN_MS.key() + "=" + jitterMinMs);
    }
    range(PAYLOAD_L16_MONO, payloadL16Mono, 96, 127, "is not a dynamic payload type (96-127)");
    range(PAYLOAD_L16_STEREO, payloadL16Stereo, 96, 127, "is not a dynamic payload type (96-127)");
    range(
        PAYLOAD_TELEPHONE_EVENT,
        payloadTelephoneEvent,
        96,
        127,
        "is not a dynamic payload type (96-127)");
    if (payloadL16Mono == payloadL16Stereo
        || payloadL16Mono == payloadTelephoneEvent
        || payloadL16Stereo == payloadTelephoneEvent) {
      throw SettingsException.of(
          PAYLOAD_L16_STEREO,
          payloadL16Stereo,
          "must differ from the other payload types ("
              + payloadL16Mono
              + ", "
              + payloadTelephoneEvent
              + ")");
    }
  }

  /** Every default, as {@link IngestKey} lists them. */
  public static IngestConfig defaults() {
    return IngestConfigLoader.fromMap(java.util.Map.of());
  }

  /** The host to tell the platform: the advertised address, else the bind address. */
  public String rtpHost() {
    return advertisedAddress.isBlank() ? bindAddress : advertisedAddress;
  }

  /** The WebSocket idle timeout: the configured one, else the media timeout. */
  public int websocketIdleMillis() {
    return websocketIdleTimeoutMs != 0 ? websocketIdleTimeoutMs : mediaTimeoutSeconds * 1000;
  }

  /** The AudioSocket read timeout: the configured one, else the media timeout. */
  public int audioSocketReadMillis() {
    return audioSocketReadTimeoutMs != 0 ? audioSocketReadTimeoutMs : mediaTimeoutSeconds * 1000;
  }

  /** True when static mode has a port range. */
  public boolean staticMode() {
    return staticPortMax != 0;
  }

  /** True when the control API and media endpoints need a bearer token. */
  public boolean authRequired() {
    return !authToken.isEmpty();
  }

  @Override
  public String toString() {
    return "IngestConfig[bind="
        + bindAddress
        + ", http="
        + httpPort
        + ", rtp="
        + rtpPortMin
        + "-"
        + rtpPortMax
        + ", maxLegs="
        + maxLegs
        + ", static="
        + staticPortMin
        + "-"
        + staticPortMax
        + ", auth="
        + (authRequired() ? "token" : "none")
        + ", callers="
        + (callerHashSecret.isEmpty() ? "dropped" : "hashed")
        + "]"; // never print the token or the secret
  }

  private static void range(IngestKey key, int value, int min, int max, String problem) {
    if (value < min || value > max) {
      throw SettingsException.of(key, value, problem);
    }
  }
}
