package io.tonewatch.ingest.config;

import static io.tonewatch.ingest.config.IngestKey.*;

import io.tonewatch.events.Leg;
import io.tonewatch.ingest.net.Cidr;
import io.tonewatch.ingest.net.PairBy;
import io.tonewatch.settings.SettingValues;
import io.tonewatch.settings.SettingsException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link IngestConfig} from, lowest to highest precedence: the defaults, a properties
 * file, environment variables ({@code TONEWATCH_INGEST_...}) and explicit overrides (the CLI's
 * flags, keyed like the file). An unknown {@code ingest.*} key in the file or the overrides is an
 * error, so a typo never silently keeps a default; the Kafka publisher's keys share the file and
 * {@code PublisherSettings} validates them.
 */
public final class IngestConfigLoader {
  private IngestConfigLoader() {}

  /**
   * Loads the settings; {@code file} may be null.
   *
   * @throws SettingsException naming the key and value of the first bad setting
   */
  public static IngestConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    SettingValues<IngestKey> s = FAMILY.load(file, env, overrides);
    return new IngestConfig(
        address(s, BIND_ADDRESS),
        s.text(ADVERTISED_ADDRESS),
        s.whole(HTTP_PORT),
        s.whole(RTP_PORT_MIN),
        s.whole(RTP_PORT_MAX),
        s.whole(MAX_LEGS),
        s.whole(MAX_DATAGRAM_BYTES),
        s.whole(SOURCE_RATE_LIMIT_PPS),
        s.whole(RATE_LIMIT_MAX_SOURCES),
        networks(s, ALLOWED_NETWORKS),
        s.whole(MEDIA_TIMEOUT_SECONDS),
        s.text(AUTH_TOKEN),
        s.whole(STATIC_PORT_MIN),
        s.whole(STATIC_PORT_MAX),
        s.oneOf(STATIC_PAIR_BY, PairBy.class, PairBy::value),
        s.whole(STATIC_PAIR_WINDOW_SECONDS),
        s.flag(WEBSOCKET_ENABLED),
        s.whole(WEBSOCKET_MAX_MESSAGE_CHARS),
        s.whole(WEBSOCKET_MAX_PAYLOAD_BYTES),
        s.whole(WEBSOCKET_MAX_GAP_FRAMES),
        s.whole(WEBSOCKET_IDLE_TIMEOUT_MS),
        s.oneOf(WEBSOCKET_INBOUND_LEG, Leg.class, Leg::wireName),
        s.flag(AUDIOSOCKET_ENABLED),
        s.whole(AUDIOSOCKET_PORT),
        s.whole(AUDIOSOCKET_READ_TIMEOUT_MS),
        s.whole(AUDIOSOCKET_MAX_PAYLOAD_BYTES),
        s.oneOf(AUDIOSOCKET_FIRST_LEG, Leg.class, Leg::wireName),
        s.whole(JITTER_MIN_MS),
        s.whole(JITTER_MAX_MS),
        s.whole(PAYLOAD_L16_MONO),
        s.whole(PAYLOAD_L16_STEREO),
        s.whole(PAYLOAD_TELEPHONE_EVENT),
        s.text(CALLER_HASH_SECRET));
  }

  /** The defaults with {@code settings} (keys like {@code ingest.http-port}) on top. */
  public static IngestConfig fromMap(Map<String, String> settings) {
    return load(null, Map.of(), settings);
  }

  private static String address(SettingValues<IngestKey> s, IngestKey key) {
    String v = s.text(key);
    try {
      InetAddress.getByName(v);
      return v;
    } catch (UnknownHostException | SecurityException e) {
      throw SettingsException.of(key, v, "is not an address of this host");
    }
  }

  private static List<Cidr> networks(SettingValues<IngestKey> s, IngestKey key) {
    String v = s.text(key);
    List<Cidr> networks = new ArrayList<>();
    for (String part : v.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        networks.add(Cidr.parse(part));
      } catch (IllegalArgumentException e) {
        throw SettingsException.of(key, v, "is not a list of CIDR networks: " + e.getMessage());
      }
    }
    return networks;
  }
}
