package io.tonewatch.app;

import io.tonewatch.app.ingest.IngestRuntime;
import io.tonewatch.app.ingest.IngestSettings;
import io.tonewatch.app.kafka.EmbeddedKafkaException;
import io.tonewatch.events.Topics;
import io.tonewatch.ingest.IngestService;
import io.tonewatch.ingest.config.IngestConfig;
import io.tonewatch.ingest.config.IngestKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tonewatch ingest}: the ingest service alone, publishing frames to Kafka. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Runs the ingest service: call media in (RTP through the control API or static ports,"
          + " Twilio Media Streams on WebSocket, Asterisk AudioSocket), repaired 20 ms frames out"
          + " to the Kafka topic "
          + Topics.AUDIO
          + ", keyed by call id.",
      "Without --kafka (or TONEWATCH_KAFKA) it starts an embedded single-node Kafka broker in"
          + " this JVM.",
      "Settings, lowest to highest precedence: defaults, --config FILE (properties),"
          + " environment (TONEWATCH_INGEST_...), --set and the flags below;"
          + " --list-settings prints every key. Runs until interrupted or --duration ends."
    })
final class IngestCommand implements Callable<Integer> {
  static final String KAFKA_ENV = "TONEWATCH_KAFKA";

  @Spec CommandSpec spec;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (default: TONEWATCH_KAFKA, else an embedded broker).")
  String kafka;

  @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. --set ingest.max-legs=500 (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Sets ingest.bind-address.")
  String bind;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Sets ingest.http-port.")
  Integer httpPort;

  @Option(
      names = "--rtp-ports",
      paramLabel = "MIN-MAX",
      description = "Sets ingest.rtp-port-min and ingest.rtp-port-max.")
  String rtpPorts;

  @Option(
      names = "--static-ports",
      paramLabel = "MIN-MAX",
      description = "Turns static mode on: ingest.static.port-min and -max.")
  String staticPorts;

  @Option(
      names = "--audiosocket-port",
      paramLabel = "PORT",
      description = "Turns AudioSocket on at this TCP port.")
  Integer audioSocketPort;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "Stop after this many seconds (default: run until interrupted).")
  Long durationSeconds;

  @Option(
      names = "--list-settings",
      description = "Print every setting and its default, then exit.")
  boolean listSettings;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (listSettings) {
      IngestSettings.printTable(out);
      return 0;
    }
    if (durationSeconds != null && durationSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--duration must be > 0 seconds");
    }
    IngestSettings resolved = IngestSettings.resolve(configFile, System.getenv(), flagSettings());
    String servers = kafka != null ? kafka : System.getenv(KAFKA_ENV);
    if (servers == null || servers.isBlank()) {
      spec.commandLine().getErr().println("ingest: starting an embedded Kafka broker...");
      spec.commandLine().getErr().flush();
    }
    IngestRuntime runtime;
    try {
      runtime =
          IngestRuntime.start(
              resolved.config(),
              servers,
              resolved.publish(),
              KafkaClientOptions.resolve(configFile, flagSettings()));
    } catch (IllegalArgumentException | EmbeddedKafkaException e) {
      throw new CliFailure(e.getMessage(), e); // names the bad key and value, or the broker failure
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> closeOnce(runtime, stopped), "tonewatch-ingest-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    printStarted(out, resolved.config(), runtime);
    if (durationSeconds != null) {
      stopped.await(durationSeconds, TimeUnit.SECONDS);
    } else {
      stopped.await();
    }
    closeOnce(runtime, stopped);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or ran: nothing left to undo
    }
    out.println("ingest: stopped");
    return 0;
  }

  private static synchronized void closeOnce(IngestRuntime runtime, CountDownLatch stopped) {
    if (stopped.getCount() > 0) {
      runtime.close();
      stopped.countDown();
    }
  }

  private Map<String, String> flagSettings() {
    Map<String, String> flags = new LinkedHashMap<>(settings);
    if (bind != null) {
      flags.put(IngestKey.BIND_ADDRESS.key(), bind);
    }
    if (httpPort != null) {
      flags.put(IngestKey.HTTP_PORT.key(), httpPort.toString());
    }
    putRange(flags, "--rtp-ports", rtpPorts, IngestKey.RTP_PORT_MIN, IngestKey.RTP_PORT_MAX);
    putRange(
        flags, "--static-ports", staticPorts, IngestKey.STATIC_PORT_MIN, IngestKey.STATIC_PORT_MAX);
    if (audioSocketPort != null) {
      flags.put(IngestKey.AUDIOSOCKET_ENABLED.key(), "true");
      flags.put(IngestKey.AUDIOSOCKET_PORT.key(), audioSocketPort.toString());
    }
    return flags;
  }

  private void putRange(
      Map<String, String> flags, String option, String range, IngestKey min, IngestKey max) {
    if (range == null) {
      return;
    }
    String[] parts = range.split("-", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new ParameterException(
          spec.commandLine(), option + " must be MIN-MAX, e.g. 40000-40999, was '" + range + "'");
    }
    flags.put(min.key(), parts[0].strip());
    flags.put(max.key(), parts[1].strip());
  }

  private static void printStarted(PrintWriter out, IngestConfig config, IngestRuntime runtime) {
    IngestService service = runtime.service();
    String host = config.bindAddress();
    out.printf(
        "ingest: control API http://%s:%d/v1/calls, metrics http://%s:%d/metrics%n",
        host, service.httpPort(), host, service.httpPort());
    out.printf("ingest: RTP ports %d-%d", config.rtpPortMin(), config.rtpPortMax());
    if (config.staticMode()) {
      out.printf(", static ports %d-%d", config.staticPortMin(), config.staticPortMax());
    }
    if (config.websocketEnabled()) {
      out.printf(", Twilio media ws://%s:%d/v1/media/twilio", host, service.httpPort());
    }
    if (config.audioSocketEnabled()) {
      out.printf(", AudioSocket tcp %s:%d", host, service.audioSocketPort());
    }
    out.println();
    out.printf(
        "ingest: Kafka %s%s, topic %s%n",
        runtime.bootstrapServers(), runtime.embeddedBroker() ? " (embedded)" : "", Topics.AUDIO);
    out.flush();
  }
}
