package io.tonewatch.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options the long-running Kafka commands share: where Kafka is, and how long to run. */
final class KafkaOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (default: TONEWATCH_KAFKA, else the command's own).")
  String kafka;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this long.")
  Long durationSeconds;

  /** --kafka, else TONEWATCH_KAFKA, else {@code fallback} (null: none given). */
  String bootstrapServers(String fallback) {
    String servers = kafka != null ? kafka : System.getenv(IngestCommand.KAFKA_ENV);
    return servers == null || servers.isBlank() ? fallback : servers.strip();
  }

  /**
   * The run length in milliseconds, 0 for "until interrupted"; refuses a length that is not > 0.
   */
  long durationMillis() {
    if (durationSeconds == null) {
      return 0;
    }
    if (durationSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--duration must be > 0 seconds");
    }
    return durationSeconds * 1000;
  }
}
