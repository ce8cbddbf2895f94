package io.tonewatch.app.process;

import io.tonewatch.app.CliFailure;
import io.tonewatch.app.ServiceSettings;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import io.tonewatch.processor.service.config.ProcessKey;
import java.nio.file.Path;
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
    return ServiceSettings.resolve(ProcessKey.PREFIX, ProcessConfigLoader::load, file, env, flags);
  }
}
