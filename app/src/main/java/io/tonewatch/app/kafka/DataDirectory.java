package io.tonewatch.app.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the embedded broker's data directory, children first. */
final class DataDirectory {
  private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

  private DataDirectory() {}

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("could not delete the embedded Kafka data in {}: {}", dir, e.toString());
    }
  }
}
