package io.tonewatch.evaluation.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The labelled calls of a directory: every {@code NAME.wav} with a {@code NAME.csv} beside it. */
public final class CallSet {

  private CallSet() {}

  /** Call names in score.py's order (sorted), without extension. */
  public static List<String> names(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(".wav") && Files.isRegularFile(file)) {
          String name = fileName.substring(0, fileName.length() - 4);
          if (Files.isRegularFile(dir.resolve(name + ".csv"))) {
            names.add(name);
          }
        }
      }
    }
    names.sort(null);
    return names;
  }
}
