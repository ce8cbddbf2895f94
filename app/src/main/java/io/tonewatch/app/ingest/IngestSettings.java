package io.tonewatch.app.ingest;

import io.tonewatch.app.CliFailure;
import io.tonewatch.ingest.config.IngestConfig;
import io.tonewatch.ingest.config.IngestConfigLoader;
import io.tonewatch.ingest.config.IngestKey;
import io.tonewatch.ingest.publish.PublisherSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The ingest settings of one start, split in two: the service's ({@code ingest.*}, validated by
 * {@link IngestConfigLoader}) and the publisher's ({@code ingest.publish.*}, validated by {@link
 * PublisherSettings}). Both come from the same file and flags, so users see one key space.
 *
 * @param config the service settings
 * @param publish the publisher keys, to be completed with the bootstrap servers
 */
public record IngestSettings(IngestConfig config, Map<String, String> publish) {

  public IngestSettings {
    publish = Map.copyOf(publish);
  }

  /**
   * Resolves the settings; any bad key or value fails with a {@link CliFailure} naming it.
   *
   * @param file a properties file, or null
   * @param env the environment ({@code TONEWATCH_INGEST_...} variables)
   * @param flags keys and values from the command line, highest precedence
   */
  public static IngestSettings resolve(
      Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> serviceFlags = new LinkedHashMap<>();
    Map<String, String> publish = new LinkedHashMap<>();
    if (file != null) {
      readFile(file).forEach((k, v) -> publishKey(k, v, publish));
    }
    flags.forEach(
        (k, v) -> {
          if (!publishKey(k, v, publish)) {
            serviceFlags.put(k, v);
          }
        });
    try {
      IngestConfig config = IngestConfigLoader.load(file, env, serviceFlags);
      PublisherSettings.fromMap(
          withServers(publish)); // validates the publisher keys before anything starts
      return new IngestSettings(config, publish);
    } catch (IllegalArgumentException e) { // SettingsException among them
      throw new CliFailure(e.getMessage(), e);
    }
  }

  /** Prints every service key with its default and description, for {@code --list-settings}. */
  public static void printTable(PrintWriter out) {
    out.print(IngestKey.FAMILY.table(36, 16));
    out.printf(
        "%-36s %-16s %s%n",
        PublisherSettings.PREFIX + "*",
        "",
        "Kafka publisher: queue-frames, linger-ms, compression, buffer-memory-bytes, ...");
    out.flush();
  }

  private static boolean publishKey(String key, String value, Map<String, String> publish) {
    String name = key.strip();
    if (name.startsWith(PublisherSettings.PREFIX)) {
      publish.put(name, value.strip());
      return true;
    }
    return false;
  }

  private static Map<String, String> withServers(Map<String, String> publish) {
    Map<String, String> copy = new LinkedHashMap<>(publish);
    copy.putIfAbsent(PublisherSettings.PREFIX + "bootstrap-servers", "127.0.0.1:9092");
    return copy;
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new CliFailure("the settings file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new CliFailure("cannot read the settings file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
    return values;
  }
}
