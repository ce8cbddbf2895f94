package io.tonewatch.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service's settings out of a command line that may carry several services' keys: the file is
 * checked once, the flags narrowed to the service's prefix, and a bad key or value becomes a {@link
 * CliFailure} naming it.
 */
public final class ServiceSettings {
  private ServiceSettings() {}

  /** How a service loads its settings from defaults, a file, the environment and overrides. */
  @FunctionalInterface
  public interface Loader<C> {
    C load(Path file, Map<String, String> env, Map<String, String> overrides);
  }

  /**
   * Defaults, then {@code file} (may be null), then the environment, then those of {@code flags}
   * whose key starts with {@code prefix}; keys of other services are left to them.
   */
  public static <C> C resolve(
      String prefix,
      Loader<C> loader,
      Path file,
      Map<String, String> env,
      Map<String, String> flags) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new CliFailure("the settings file " + file + " does not exist");
    }
    Map<String, String> own = new LinkedHashMap<>();
    flags.forEach(
        (key, value) -> {
          if (key.strip().startsWith(prefix)) {
            own.put(key.strip(), value);
          }
        });
    try {
      return loader.load(file, env, own);
    } catch (IllegalArgumentException e) { // the loaders' exceptions name the key and value
      throw new CliFailure(e.getMessage(), e);
    }
  }
}
