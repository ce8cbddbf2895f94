package io.tonewatch.app.process;

import io.tonewatch.app.CliFailure;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resolves the service's settings for one start; a bad key or value is a {@link CliFailure}. */
public final class ProcessSettings {
  private ProcessSettings() {}

  /**
   * Defaults, then {@code file} (may be null), then {@code TONEWATCH_PROCESS_...} variables, then
   * {@code flags}; keys of other modules in {@code flags} are left to them.
   */
  public static ProcessConfig resolve(
      Path file, Map<String, String> env, Map<String, String> flags) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new CliFailure("the settings file " + file + " does not exist");
    }
    Map<String, String> own = new LinkedHashMap<>();
    flags.forEach(
        (key, value) -> {
          if (key.strip().startsWith("process.")) {
            own.put(key.strip(), value);
          }
        });
    try {
      return ProcessConfigLoader.load(file, env, own);
    } catch (IllegalArgumentException e) { // ProcessConfigException names the key and value
      throw new CliFailure(e.getMessage(), e);
    }
  }
}
