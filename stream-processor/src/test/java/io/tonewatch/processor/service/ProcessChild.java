package io.tonewatch.processor.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service instance in a JVM of its own, for tests that kill it (SIGKILL: no close, no commit, no
 * leaving the group). Arguments: the bootstrap servers, then {@code key=value} settings.
 */
public final class ProcessChild {
  private ProcessChild() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      settings.put(kv[0], kv[1]);
    }
    ProcessService.start(ProcessConfigLoader.fromMap(settings), args[0], new SimpleMeterRegistry());
    Thread.currentThread().join(); // until killed
  }
}
