package io.tonewatch.ingest.audiosocket;

import static io.tonewatch.ingest.config.IngestKey.*;

import io.tonewatch.events.Leg;
import io.tonewatch.ingest.config.IngestKey;
import java.net.InetAddress;
import java.util.Objects;

/**
 * How the AudioSocket server listens and what it admits. The messages of the checks name the {@link
 * IngestKey} each value comes from.
 *
 * @param bindAddress the address to listen on, e.g. 127.0.0.1
 * @param port the TCP port; 0 picks a free one
 * @param maxConnections the most sockets served at once (one thread each; {@code ingest.max-legs}
 *     in the service); more are refused
 * @param readTimeoutMillis a socket that sends nothing for this long ends its leg (media timeout)
 * @param maxPayloadBytes the largest message payload accepted; longer ones are skipped
 * @param token when non-null, only calls already announced through the control API are served
 * @param firstLeg the leg of the first socket for a UUID; the second socket gets the other leg
 */
public record AudioSocketSettings(
    InetAddress bindAddress,
    int port,
    int maxConnections,
    int readTimeoutMillis,
    int maxPayloadBytes,
    String token,
    Leg firstLeg) {

  public AudioSocketSettings {
    Objects.requireNonNull(bindAddress, BIND_ADDRESS.key());
    Objects.requireNonNull(firstLeg, AUDIOSOCKET_FIRST_LEG.key());
    require(port >= 0 && port <= 65535, AUDIOSOCKET_PORT, port);
    require(maxConnections >= 1 && maxConnections <= 1_000_000, MAX_LEGS, maxConnections);
    require(readTimeoutMillis >= 1, AUDIOSOCKET_READ_TIMEOUT_MS, readTimeoutMillis);
    require(
        maxPayloadBytes >= 16 && maxPayloadBytes <= 0xFFFF,
        AUDIOSOCKET_MAX_PAYLOAD_BYTES,
        maxPayloadBytes);
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException(AUTH_TOKEN.key() + " must not be blank when set");
    }
  }

  /** Loopback on {@code port}, 256 connections, 5 s timeout, 4 KiB payloads, no token. */
  public static AudioSocketSettings defaults(int port) {
    return new AudioSocketSettings(
        InetAddress.getLoopbackAddress(), port, 256, 5_000, 4096, null, Leg.CUSTOMER);
  }

  /** These settings with an auth token. */
  public AudioSocketSettings withToken(String newToken) {
    return new AudioSocketSettings(
        bindAddress, port, maxConnections, readTimeoutMillis, maxPayloadBytes, newToken, firstLeg);
  }

  /** These settings with another read timeout. */
  public AudioSocketSettings withReadTimeoutMillis(int millis) {
    return new AudioSocketSettings(
        bindAddress, port, maxConnections, millis, maxPayloadBytes, token, firstLeg);
  }

  private static void require(boolean ok, IngestKey key, int value) {
    if (!ok) {
      throw new IllegalArgumentException("invalid " + key.key() + ": " + value);
    }
  }
}
