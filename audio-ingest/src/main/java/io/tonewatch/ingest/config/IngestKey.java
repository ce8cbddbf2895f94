package io.tonewatch.ingest.config;

import io.tonewatch.settings.SettingKey;
import io.tonewatch.settings.SettingsFamily;
import java.util.List;

/**
 * Every ingest setting: its key (lowercase, dotted, prefix {@code ingest.}), its default and what
 * it does. The CLI prints this table in {@code --help}; {@link #envName()} gives the environment
 * variable that sets it.
 */
public enum IngestKey implements SettingKey {
  BIND_ADDRESS(
      "ingest.bind-address", "127.0.0.1", "Address the HTTP, RTP and AudioSocket ports bind to"),
  ADVERTISED_ADDRESS(
      "ingest.advertised-address",
      "",
      "Host returned to the platform for RTP (empty: bind address)"),
  HTTP_PORT(
      "ingest.http-port", "8090", "HTTP control API, WebSocket and /metrics port (0: any free)"),
  RTP_PORT_MIN(
      "ingest.rtp-port-min", "40000", "Lowest RTP port for calls of the control API (even)"),
  RTP_PORT_MAX(
      "ingest.rtp-port-max", "40999", "Highest port of the range (RTCP uses RTP port + 1)"),
  MAX_LEGS(
      "ingest.max-legs",
      "2000",
      "Concurrent legs across all front-ends (RTP, WebSocket, AudioSocket sockets)"),
  MAX_DATAGRAM_BYTES(
      "ingest.max-datagram-bytes", "2048", "Largest UDP datagram accepted (12-65535)"),
  SOURCE_RATE_LIMIT_PPS(
      "ingest.source-rate-limit-pps",
      "120000",
      "Packets per second per source address (0: no limit); one media server often forks every"
          + " call, so the default lets it carry 2,000 legs at 50 packets/s with headroom"),
  RATE_LIMIT_MAX_SOURCES(
      "ingest.rate-limit-max-sources", "10000", "Source addresses the rate limiter tracks at once"),
  ALLOWED_NETWORKS(
      "ingest.allowed-networks",
      "0.0.0.0/0,::/0",
      "Comma-separated CIDRs media may come from (IPv4 and IPv6)"),
  MEDIA_TIMEOUT_SECONDS(
      "ingest.media-timeout-seconds", "10", "A call ends when no leg had media for this long"),
  AUTH_TOKEN(
      "ingest.auth-token", "", "Bearer token for /v1 routes and media endpoints (empty: none)"),
  STATIC_PORT_MIN("ingest.static.port-min", "0", "Lowest port of static mode (0: static mode off)"),
  STATIC_PORT_MAX("ingest.static.port-max", "0", "Highest port of static mode"),
  STATIC_PAIR_BY(
      "ingest.static.pair-by", "port", "How static legs pair into calls: port, arrival or none"),
  STATIC_PAIR_WINDOW_SECONDS(
      "ingest.static.pair-window-seconds",
      "2",
      "pair-by=arrival: seconds a second source may come after the first"),
  WEBSOCKET_ENABLED("ingest.websocket-enabled", "true", "Serve Twilio-format media on WebSocket"),
  WEBSOCKET_MAX_MESSAGE_CHARS(
      "ingest.websocket.max-message-chars",
      "65536",
      "Longest Twilio text message decoded (256-4194304); longer ones count as oversized"),
  WEBSOCKET_MAX_PAYLOAD_BYTES(
      "ingest.websocket.max-payload-bytes",
      "16000",
      "Largest decoded media payload of one message (160 up; its base64 must fit the message)"),
  WEBSOCKET_MAX_GAP_FRAMES(
      "ingest.websocket.max-gap-frames",
      "250",
      "Most 20 ms frames of concealment one reported gap is filled with (0-3000; 0: none)"),
  WEBSOCKET_IDLE_TIMEOUT_MS(
      "ingest.websocket.idle-timeout-ms",
      "0",
      "A WebSocket that sends nothing this long is closed (0: ingest.media-timeout-seconds)"),
  WEBSOCKET_INBOUND_LEG(
      "ingest.websocket.inbound-leg",
      "customer",
      "Leg of the inbound track, customer or agent; the outbound track gets the other"),
  AUDIOSOCKET_ENABLED("ingest.audiosocket-enabled", "false", "Serve Asterisk AudioSocket on TCP"),
  AUDIOSOCKET_PORT("ingest.audiosocket-port", "9093", "AudioSocket TCP port (0: any free)"),
  AUDIOSOCKET_READ_TIMEOUT_MS(
      "ingest.audiosocket.read-timeout-ms",
      "0",
      "A socket that sends nothing this long ends its leg (0: ingest.media-timeout-seconds)"),
  AUDIOSOCKET_MAX_PAYLOAD_BYTES(
      "ingest.audiosocket.max-payload-bytes",
      "4096",
      "Largest AudioSocket message payload accepted (16-65535); longer ones are skipped"),
  AUDIOSOCKET_FIRST_LEG(
      "ingest.audiosocket.first-leg",
      "customer",
      "Leg of a UUID's first socket, customer or agent; the second socket gets the other"),
  JITTER_MIN_MS("ingest.jitter.min-ms", "20", "Smallest jitter-buffer delay"),
  JITTER_MAX_MS("ingest.jitter.max-ms", "200", "Cap on the adaptive jitter-buffer delay"),
  PAYLOAD_L16_MONO("ingest.payload.l16-mono", "96", "Dynamic RTP payload type of L16 8 kHz mono"),
  PAYLOAD_L16_STEREO(
      "ingest.payload.l16-stereo", "97", "Dynamic RTP payload type of L16 8 kHz stereo"),
  PAYLOAD_TELEPHONE_EVENT(
      "ingest.payload.telephone-event", "101", "Dynamic RTP payload type of RFC 4733 events"),
  CALLER_HASH_SECRET(
      "ingest.caller-hash-secret",
      "",
      "Key of the caller-number hash (set it in the environment; empty: numbers are dropped)");

  /** Prefix of every key. */
  public static final String PREFIX = "ingest.";

  /** Prefix of every environment variable. */
  public static final String ENV_PREFIX = "TONEWATCH_INGEST_";

  /** The family; the Kafka publisher's keys ({@code ingest.publish.*}) validate themselves. */
  public static final SettingsFamily<IngestKey> FAMILY =
      new SettingsFamily<>(
          IngestKey.class, PREFIX, ENV_PREFIX, "an ingest", List.of("ingest.publish."));

  private final String key;
  private final String defaultValue;
  private final String description;

  IngestKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String defaultValue() {
    return defaultValue;
  }

  @Override
  public String description() {
    return description;
  }

  /** The environment variable, e.g. {@code TONEWATCH_INGEST_STATIC_PORT_MIN}. */
  public String envName() {
    return FAMILY.envName(this);
  }

  /** The setting with {@code key}, or null. */
  public static IngestKey byKey(String key) {
    return FAMILY.byKey(key);
  }
}
