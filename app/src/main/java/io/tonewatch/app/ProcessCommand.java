package io.tonewatch.app;

import io.tonewatch.app.process.ProcessRuntime;
import io.tonewatch.app.process.ProcessSettings;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import io.tonewatch.processor.service.config.ProcessKey;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Mixin KafkaOptions kafka;

  @Mixin SettingsOptions settings;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Sets process.http-port.")
  Integer httpPort;

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
    long durationMillis = kafka.durationMillis();
    Map<String, String> flags = new LinkedHashMap<>(settings.settings);
    if (httpPort != null) {
      flags.put(ProcessKey.HTTP_PORT.key(), httpPort.toString());
    }
    ProcessConfig config = ProcessSettings.resolve(settings.configFile, System.getenv(), flags);
    String servers = kafka.bootstrapServers("127.0.0.1:9092");
    ProcessRuntime runtime;
    try {
      runtime =
          ProcessRuntime.start(
              config, servers, KafkaClientOptions.resolve(settings.configFile, flags), true);
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
    stopper.runUntil(durationMillis, runtime.service()::failure, "process");
    out.println("process: stopped");
    return 0;
  }
}
