package io.tonewatch.ingest.config;

import static io.tonewatch.ingest.config.IngestKey.*;

import io.tonewatch.events.Leg;
import io.tonewatch.ingest.net.Cidr;
import io.tonewatch.ingest.net.PairBy;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds an {@link IngestConfig} from, lowest to highest precedence: the defaults, a properties
 * file, environment variables ({@code TONEWATCH_INGEST_...}) and explicit overrides (the CLI's
 * flags, keyed like the file). An unknown {@code ingest.*} key in the file or the overrides is an
 * error, so a typo never silently keeps a default.
 */
public final class IngestConfigLoader {

  /** The Kafka publisher's keys share the file; {@code PublisherSettings} validates them. */
  private static final String PUBLISH_PREFIX = "ingest.publish.";

  private IngestConfigLoader() {}

  /**
   * Loads the settings; {@code file} may be null.
   *
   * @throws IngestConfigException naming the key and value of the first bad setting
   */
  public static IngestConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<IngestKey, String> values = new EnumMap<>(IngestKey.class);
    if (file != null) {
      putAll(values, readProperties(file), file.toString());
    }
    for (IngestKey key : IngestKey.values()) {
      String fromEnv = env.get(key.envName());
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    putAll(values, overrides, "the overrides");
    return build(values);
  }

  /** The defaults with {@code settings} (keys like {@code ingest.http-port}) on top. */
  public static IngestConfig fromMap(Map<String, String> settings) {
    return load(null, Map.of(), settings);
  }

  private static void putAll(Map<IngestKey, String> values, Map<?, ?> source, String where) {
    for (Map.Entry<?, ?> e : source.entrySet()) {
      String name = String.valueOf(e.getKey()).strip();
      IngestKey key = IngestKey.byKey(name);
      if (key == null) {
        if (name.startsWith(IngestKey.PREFIX) && !name.startsWith(PUBLISH_PREFIX)) {
          throw new IngestConfigException(name + " in " + where + " is not an ingest setting");
        }
        continue; // other modules' keys may share the file
      }
      values.put(key, String.valueOf(e.getValue()));
    }
  }

  private static Map<Object, Object> readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IngestConfigException("cannot read the settings file " + file + ": " + e, e);
    }
    return properties;
  }

  private static IngestConfig build(Map<IngestKey, String> values) {
    Settings s = new Settings(values);
    return new IngestConfig(
        s.address(BIND_ADDRESS),
        s.text(ADVERTISED_ADDRESS),
        s.integer(HTTP_PORT),
        s.integer(RTP_PORT_MIN),
        s.integer(RTP_PORT_MAX),
        s.integer(MAX_LEGS),
        s.integer(MAX_DATAGRAM_BYTES),
        s.integer(SOURCE_RATE_LIMIT_PPS),
        s.integer(RATE_LIMIT_MAX_SOURCES),
        s.networks(ALLOWED_NETWORKS),
        s.integer(MEDIA_TIMEOUT_SECONDS),
        s.text(AUTH_TOKEN),
        s.integer(STATIC_PORT_MIN),
        s.integer(STATIC_PORT_MAX),
        s.pairBy(STATIC_PAIR_BY),
        s.integer(STATIC_PAIR_WINDOW_SECONDS),
        s.bool(WEBSOCKET_ENABLED),
        s.integer(WEBSOCKET_MAX_MESSAGE_CHARS),
        s.integer(WEBSOCKET_MAX_PAYLOAD_BYTES),
        s.integer(WEBSOCKET_MAX_GAP_FRAMES),
        s.integer(WEBSOCKET_IDLE_TIMEOUT_MS),
        s.leg(WEBSOCKET_INBOUND_LEG),
        s.bool(AUDIOSOCKET_ENABLED),
        s.integer(AUDIOSOCKET_PORT),
        s.integer(AUDIOSOCKET_READ_TIMEOUT_MS),
        s.integer(AUDIOSOCKET_MAX_PAYLOAD_BYTES),
        s.leg(AUDIOSOCKET_FIRST_LEG),
        s.integer(JITTER_MIN_MS),
        s.integer(JITTER_MAX_MS),
        s.integer(PAYLOAD_L16_MONO),
        s.integer(PAYLOAD_L16_STEREO),
        s.integer(PAYLOAD_TELEPHONE_EVENT));
  }

  /** Typed reads of the merged values; each failure names the key and the value. */
  private record Settings(Map<IngestKey, String> values) {
    String text(IngestKey key) {
      return values.getOrDefault(key, key.defaultValue()).strip();
    }

    int integer(IngestKey key) {
      String v = text(key);
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw IngestConfigException.of(key, v, "is not a whole number");
      }
    }

    boolean bool(IngestKey key) {
      String v = text(key).toLowerCase(Locale.ROOT);
      return switch (v) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw IngestConfigException.of(key, v, "is not true or false");
      };
    }

    PairBy pairBy(IngestKey key) {
      String v = text(key);
      for (PairBy p : PairBy.values()) {
        if (p.value().equals(v.toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
      throw IngestConfigException.of(key, v, "is not one of port, arrival, none");
    }

    Leg leg(IngestKey key) {
      String v = text(key);
      for (Leg leg : Leg.values()) {
        if (leg.wireName().equals(v.toLowerCase(Locale.ROOT))) {
          return leg;
        }
      }
      throw IngestConfigException.of(key, v, "is not one of customer, agent");
    }

    String address(IngestKey key) {
      String v = text(key);
      try {
        InetAddress.getByName(v);
        return v;
      } catch (UnknownHostException | SecurityException e) {
        throw IngestConfigException.of(key, v, "is not an address of this host");
      }
    }

    List<Cidr> networks(IngestKey key) {
      String v = text(key);
      List<Cidr> networks = new ArrayList<>();
      for (String part : v.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          networks.add(Cidr.parse(part));
        } catch (IllegalArgumentException e) {
          throw IngestConfigException.of(
              key, v, "is not a list of CIDR networks: " + e.getMessage());
        }
      }
      return networks;
    }
  }
}
