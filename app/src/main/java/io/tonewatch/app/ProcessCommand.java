package io.tonewatch.app;

import io.tonewatch.app.process.ProcessRuntime;
import io.tonewatch.app.process.ProcessSettings;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import io.tonewatch.processor.service.config.ProcessKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tonewatch process}: the stream-processor service alone, on an existing Kafka cluster. */
@Command(
    name = "process",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Runs the stream-processor service: frames from tonewatch.audio in, alert events to"
          + " tonewatch.alerts and per-second leg summaries to tonewatch.features out. Instances"
          + " with the same process.group-id share the partitions; a call whose instance dies or"
          + " leaves is replayed by the next one from its start.",
      "Settings, lowest to highest precedence: defaults, --config FILE (properties),"
          + " environment (TONEWATCH_PROCESS_...), --set and the flags below; --list-settings"
          + " prints every key. A Kafka cluster that does not answer is waited for (see /health)."
    })
final class ProcessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (default: TONEWATCH_KAFKA, else 127.0.0.1:9092).")
  String kafka;

  @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. --set process.workers=4 (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--http-port", paramLabel = "PORT", description = "Sets process.http-port.")
  Integer httpPort;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this long.")
  Long durationSeconds;

  @Option(
      names = "--list-settings",
      description = "Print every setting and its default, then exit.")
  boolean listSettings;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (listSettings) {
      out.print(ProcessConfigLoader.table());
      out.flush();
      return 0;
    }
    if (durationSeconds != null && durationSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--duration must be > 0 seconds");
    }
    Map<String, String> flags = new LinkedHashMap<>(settings);
    if (httpPort != null) {
      flags.put(ProcessKey.HTTP_PORT.key(), httpPort.toString());
    }
    ProcessConfig config = ProcessSettings.resolve(configFile, System.getenv(), flags);
    String servers = kafka != null ? kafka : System.getenv(IngestCommand.KAFKA_ENV);
    servers = servers == null || servers.isBlank() ? "127.0.0.1:9092" : servers;
    ProcessRuntime runtime;
    try {
      runtime = ProcessRuntime.start(config, servers, true);
    } catch (RuntimeException e) {
      throw new CliFailure("process: " + e.getMessage(), e);
    }
    Stopper stopper = Stopper.onShutdown(runtime, "tonewatch-process-shutdown");
    out.printf(
        "process: Kafka %s, group %s, health http://%s:%d/health, metrics http://%s:%d/metrics%n",
        servers,
        config.groupId(),
        config.bindAddress(),
        runtime.httpPort(),
        config.bindAddress(),
        runtime.httpPort());
    out.flush();
    long deadline =
        System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds == null ? 0 : durationSeconds);
    while (!stopper.await(200)) {
      if (runtime.service().failure() != null) {
        stopper.stop();
        throw new CliFailure("process: " + runtime.service().failure().getMessage());
      }
      if (durationSeconds != null && System.nanoTime() - deadline >= 0) {
        stopper.stop();
      }
    }
    out.println("process: stopped");
    return 0;
  }
}
