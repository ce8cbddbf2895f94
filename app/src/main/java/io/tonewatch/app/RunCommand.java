package io.tonewatch.app;

import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.app.alerting.AlertingSettings;
import io.tonewatch.app.alerting.NotificationLines;
import io.tonewatch.app.ingest.IngestSettings;
import io.tonewatch.app.kafka.EmbeddedKafkaException;
import io.tonewatch.app.kafka.EmbeddedKafkaKey;
import io.tonewatch.app.kafka.EmbeddedKafkaSettings;
import io.tonewatch.app.kafka.KafkaClientSettings;
import io.tonewatch.app.process.ProcessSettings;
import io.tonewatch.app.run.AllInOne;
import io.tonewatch.app.run.KafkaConnection;
import io.tonewatch.events.Topics;
import io.tonewatch.processor.service.config.ProcessConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tonewatch run}: the whole pipeline in one JVM, with its own Kafka broker by default. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Runs ingest and the stream-processor in one JVM, with a single-node Kafka broker in"
          + " the same JVM unless --kafka (or TONEWATCH_KAFKA) names a cluster.",
      "--demo also plays the bundled two-leg sample call over RTP on loopback into it and"
          + " prints the alert events as they come back from "
          + Topics.ALERTS
          + ".",
      "Settings: ingest.* and process.* keys (see ingest --list-settings and process"
          + " --list-settings) and the embedded broker's kafka.embedded.partitions (6) and"
          + " kafka.embedded.audio-retention-ms (7200000: two hours of audio kept for replay)"
          + " from --config FILE, the environment and --set. Ctrl-C stops"
          + " cleanly: frames flushed, offsets committed, broker closed."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin SettingsOptions settings;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Keep the embedded broker's data here (default: a temporary directory).")
  Path dataDir;

  @Option(names = "--demo", description = "Play the bundled sample call into it and print alerts.")
  boolean demo;

  @Override
  public Integer call() throws InterruptedException {
    long durationMillis = kafka.durationMillis();
    PrintWriter out = spec.commandLine().getOut();
    // Each loader takes its own prefix and leaves the other's keys alone.
    IngestSettings ingestSettings =
        IngestSettings.resolve(settings.configFile, System.getenv(), settings.settings);
    ProcessConfig processConfig =
        ProcessSettings.resolve(settings.configFile, System.getenv(), settings.settings);
    DemoSignIn demoSignIn = null;
    if (demo && !settings.settings.containsKey("alerting.console.users-file")) {
      demoSignIn = DemoSignIn.create();
      settings.settings.put("alerting.console.users-file", demoSignIn.usersFile().toString());
    }
    AlertingConfig alertingConfig =
        AlertingSettings.resolve(settings.configFile, System.getenv(), settings.settings);
    EmbeddedKafkaSettings brokerSettings =
        ServiceSettings.resolve(
            "kafka.embedded.",
            EmbeddedKafkaKey::load,
            settings.configFile,
            System.getenv(),
            settings.settings);
    KafkaClientSettings client = KafkaClientOptions.resolve(settings.configFile, settings.settings);
    String servers = kafka.bootstrapServers(null);
    if (servers == null) {
      out.println("run: starting an embedded Kafka broker...");
      out.flush();
    }
    AllInOne all;
    try {
      all =
          AllInOne.start(
              ingestSettings,
              processConfig,
              alertingConfig,
              AlertingSettings.integrations(
                  settings.configFile, System.getenv(), settings.settings),
              NotificationLines.to(out),
              new KafkaConnection(servers, client),
              dataDir,
              brokerSettings);
    } catch (IllegalArgumentException | EmbeddedKafkaException e) {
      throw new CliFailure(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CliFailure("run: " + e.getMessage(), e);
    }
    RunDemo[] demoRun = new RunDemo[1];
    Stopper stopper =
        Stopper.onShutdown(
            () -> {
              if (demoRun[0] != null) {
                demoRun[0].close();
              }
              all.close();
            },
            "tonewatch-run-shutdown");
    printEndpoints(out, all, ingestSettings.config().bindAddress(), processConfig, alertingConfig);
    out.printf(
        "run: supervisor console http://%s:%d/console%s%n",
        alertingConfig.bindAddress(),
        all.alerting().consolePort(),
        demoSignIn == null
            ? ""
            : " (demo sign-in: user "
                + DemoSignIn.USER
                + ", password "
                + demoSignIn.password()
                + ")");
    out.flush();
    if (demo) {
      String control =
          "http://"
              + ingestSettings.config().bindAddress()
              + ":"
              + all.ingest().service().httpPort();
      demoRun[0] =
          RunDemo.start(
              all.bootstrapServers(), all.embeddedBroker() && dataDir == null, control, out);
    }
    stopper.runUntil(durationMillis, all.process().service()::failure, "run");
    synchronized (out) {
      out.println("run: stopped");
      out.flush();
    }
    return 0;
  }

  private static void printEndpoints(
      PrintWriter out,
      AllInOne all,
      String ingestHost,
      ProcessConfig process,
      AlertingConfig alerting) {
    int ingestPort = all.ingest().service().httpPort();
    out.printf(
        "run: Kafka %s%s, topics %s -> %s, %s%n",
        all.bootstrapServers(),
        all.embeddedBroker() ? " (embedded)" : "",
        Topics.AUDIO,
        Topics.ALERTS,
        Topics.FEATURES);
    out.printf(
        "run: ingest control API http://%s:%d/v1/calls, metrics http://%s:%d/metrics%n",
        ingestHost, ingestPort, ingestHost, ingestPort);
    out.printf(
        "run: process health http://%s:%d/health, metrics http://%s:%d/metrics%n",
        process.bindAddress(),
        all.process().httpPort(),
        process.bindAddress(),
        all.process().httpPort());
    out.printf(
        "run: alerting health http://%s:%d/health, metrics http://%s:%d/metrics; its escalation"
            + " ladder prints each notification here%n",
        alerting.bindAddress(),
        all.alerting().httpPort(),
        alerting.bindAddress(),
        all.alerting().httpPort());
    out.printf("run: watch alerts with: tonewatch tail --kafka %s%n", all.bootstrapServers());
    out.flush();
  }
}
