package io.tonewatch.app.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client properties every service passes to its clients (producers, consumers, admin), for
 * what tonewatch has no setting of its own: security above all ({@code kafka.security.protocol},
 * {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}, {@code kafka.ssl.*}). Key {@code
 * kafka.X} is client property {@code X}; from a file or {@code --set}, or the environment as {@code
 * TONEWATCH_KAFKA_X} with {@code _} for {@code .} (e.g. {@code TONEWATCH_KAFKA_SECURITY_PROTOCOL}).
 * {@code kafka.embedded.*} is the embedded broker's and {@code TONEWATCH_KAFKA_LOG_LEVEL} the
 * log's, not clients'. A service's own setting of a key wins. An unknown property stops start-up
 * naming it; values are never logged or shown ({@link #toString} hides them), as they may hold
 * secrets.
 *
 * @param properties client property to value
 */
public record KafkaClientSettings(Map<String, String> properties) {
  static final String PREFIX = "kafka.";
  private static final String ENV_PREFIX = "TONEWATCH_KAFKA_";
  private static final Set<String> NOT_CLIENTS = Set.of("embedded", "log.level");
  private static final Set<String> KNOWN = known();

  public KafkaClientSettings {
    properties = Map.copyOf(properties);
  }

  public static KafkaClientSettings none() {
    return new KafkaClientSettings(Map.of());
  }

  /**
   * The file's {@code kafka.*} keys (null: none), then the environment's, then {@code overrides}'
   * (already narrowed to {@code kafka.}), each later source winning.
   *
   * @throws IllegalArgumentException naming a key Kafka's clients do not know
   */
  public static KafkaClientSettings load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> found = new TreeMap<>();
    fromFile(file).forEach((key, value) -> put(found, key, value));
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX)) {
            String property = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
            put(found, PREFIX + property.replace('_', '.'), value);
          }
        });
    overrides.forEach((key, value) -> put(found, key, value));
    return new KafkaClientSettings(found);
  }

  private static void put(Map<String, String> found, String key, String value) {
    if (!key.startsWith(PREFIX)) {
      return;
    }
    String property = key.substring(PREFIX.length());
    if (NOT_CLIENTS.stream().anyMatch(p -> property.equals(p) || property.startsWith(p + "."))) {
      return;
    }
    if (property.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException(
          key + " is not a client setting here: give the cluster with --kafka or TONEWATCH_KAFKA");
    }
    if (!KNOWN.contains(property)) {
      throw new IllegalArgumentException(
          key + " is not a Kafka client property (producer, consumer or admin)");
    }
    found.put(property, value.strip());
  }

  private static Map<String, String> fromFile(Path file) {
    Map<String, String> keys = new TreeMap<>();
    if (file == null) {
      return keys;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the settings file " + file, e);
    }
    p.stringPropertyNames().forEach(name -> keys.put(name.strip(), p.getProperty(name)));
    return keys;
  }

  private static Set<String> known() {
    Set<String> names = new HashSet<>(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    return Set.copyOf(names);
  }

  /** The keys only: values may be secrets. */
  @Override
  public String toString() {
    return "KafkaClientSettings" + properties.keySet();
  }
}
