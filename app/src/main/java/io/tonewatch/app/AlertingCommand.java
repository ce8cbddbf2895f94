package io.tonewatch.app;

import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.config.AlertingConfigLoader;
import io.tonewatch.alerting.config.AlertingKey;
import io.tonewatch.alerting.console.PasswordHash;
import io.tonewatch.app.alerting.AlertingRuntime;
import io.tonewatch.app.alerting.AlertingSettings;
import io.tonewatch.app.alerting.NotificationLines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tonewatch alerting}: the alerting service alone, on an existing Kafka cluster. */
@Command(
    name = "alerting",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Runs the alerting service: alert events from tonewatch.alerts climb the escalation ladder"
          + " (agent cue, second warning and supervisor, barge suggested), each step recorded once"
          + " on tonewatch.notifications and every action on tonewatch.actions, the audit trail"
          + " its state is rebuilt from after a restart. One instance per deployment.",
      "Settings, lowest to highest precedence: defaults, --config FILE (properties),"
          + " environment (TONEWATCH_ALERTING_...), --set and the flags below; --list-settings"
          + " prints every key, the escalation policy (alerting.policy.*) among them."
    })
final class AlertingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin SettingsOptions settings;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Sets alerting.http-port.")
  Integer httpPort;

  @Option(
      names = "--list-settings",
      description = "Print every setting and its default, then exit.")
  boolean listSettings;

  @Option(
      names = "--hash-password",
      description =
          "Read a password from standard input and print its bcrypt hash for the console's users"
              + " file, then exit.")
  boolean hashPassword;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (hashPassword) {
      String password =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
              .lines()
              .findFirst()
              .orElse("");
      if (password.isEmpty()) {
        throw new CliFailure("alerting: --hash-password read no password from standard input");
      }
      out.println(PasswordHash.hash(password.toCharArray(), PasswordHash.COST));
      out.flush();
      return 0;
    }
    if (listSettings) {
      out.print(AlertingConfigLoader.table());
      out.flush();
      return 0;
    }
    long durationMillis = kafka.durationMillis();
    Map<String, String> flags = new LinkedHashMap<>(settings.settings);
    if (httpPort != null) {
      flags.put(AlertingKey.HTTP_PORT.key(), httpPort.toString());
    }
    AlertingConfig config = AlertingSettings.resolve(settings.configFile, System.getenv(), flags);
    String servers = kafka.bootstrapServers("127.0.0.1:9092");
    AlertingRuntime runtime;
    try {
      runtime =
          AlertingRuntime.start(
              config,
              servers,
              KafkaClientOptions.resolve(settings.configFile, flags),
              NotificationLines.to(out),
              AlertingSettings.integrations(settings.configFile, System.getenv(), flags));
    } catch (RuntimeException e) {
      throw new CliFailure("alerting: " + e.getMessage(), e);
    }
    Stopper stopper = Stopper.onShutdown(runtime, "tonewatch-alerting-shutdown");
    synchronized (out) {
      out.printf(
          "alerting: Kafka %s, health http://%s:%d/health, metrics http://%s:%d/metrics%n",
          servers,
          config.bindAddress(),
          runtime.httpPort(),
          config.bindAddress(),
          runtime.httpPort());
      out.flush();
    }
    stopper.runUntil(durationMillis, runtime::fatal, "alerting");
    synchronized (out) {
      out.println("alerting: stopped");
      out.flush();
    }
    return 0;
  }
}
