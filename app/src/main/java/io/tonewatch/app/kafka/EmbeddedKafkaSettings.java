package io.tonewatch.app.kafka;

import java.nio.file.Path;

/**
 * How to run the in-process broker; validates itself and names the key and value of a bad setting.
 *
 * @param port the client port on 127.0.0.1 ({@code kafka.embedded.port}; 0: a free one)
 * @param controllerPort the KRaft controller port on 127.0.0.1 (0: a free one)
 * @param dataDir where the log and metadata live ({@code kafka.embedded.data-dir}; null: a new
 *     temporary directory)
 * @param deleteOnClose whether close deletes {@code dataDir} (always true for a temporary one)
 * @param partitions partitions of each tonewatch topic ({@code kafka.embedded.partitions})
 * @param startTimeoutMillis how long start may take, topics included
 * @param audioRetentionMillis {@code retention.ms} of the audio topic when it is created ({@code
 *     kafka.embedded.audio-retention-ms}): replay after a crash or a move needs it to exceed the
 *     longest call (docs/ARCHITECTURE.md)
 */
public record EmbeddedKafkaSettings(
    int port,
    int controllerPort,
    Path dataDir,
    boolean deleteOnClose,
    int partitions,
    long startTimeoutMillis,
    long audioRetentionMillis) {

  /** Two hours: a few times a long contact-centre call, and bounded disk (about 65 MB a call). */
  public static final long DEFAULT_AUDIO_RETENTION_MILLIS = 7_200_000;

  /** Ten minutes: anything shorter would drop the starts of ordinary calls still open. */
  static final long MIN_AUDIO_RETENTION_MILLIS = 600_000;

  public EmbeddedKafkaSettings {
    port("kafka.embedded.port", port);
    port("kafka.embedded.controller-port", controllerPort);
    if (port != 0 && port == controllerPort) {
      throw new IllegalArgumentException(
          "kafka.embedded.controller-port=" + controllerPort + " is also kafka.embedded.port");
    }
    if (partitions < 1 || partitions > 1_000) {
      throw new IllegalArgumentException(
          "kafka.embedded.partitions=" + partitions + " must be between 1 and 1000");
    }
    if (startTimeoutMillis < 1_000) {
      throw new IllegalArgumentException(
          "kafka.embedded.start-timeout-ms=" + startTimeoutMillis + " must be at least 1000");
    }
    if (audioRetentionMillis < MIN_AUDIO_RETENTION_MILLIS) {
      throw new IllegalArgumentException(
          "kafka.embedded.audio-retention-ms="
              + audioRetentionMillis
              + " must be at least "
              + MIN_AUDIO_RETENTION_MILLIS
              + " (the audio of every open call must stay for replay)");
    }
    if (dataDir == null) {
      deleteOnClose = true;
    }
  }

  /**
   * Free ports, a temporary directory deleted on close, 6 partitions per topic, 60 s to start, two
   * hours of audio.
   */
  public static EmbeddedKafkaSettings defaults() {
    return new EmbeddedKafkaSettings(0, 0, null, true, 6, 60_000, DEFAULT_AUDIO_RETENTION_MILLIS);
  }

  public EmbeddedKafkaSettings withPort(int port) {
    return copy(port, dataDir, deleteOnClose, partitions, audioRetentionMillis);
  }

  public EmbeddedKafkaSettings withDataDir(Path dataDir, boolean deleteOnClose) {
    return copy(port, dataDir, deleteOnClose, partitions, audioRetentionMillis);
  }

  public EmbeddedKafkaSettings withPartitions(int partitions) {
    return copy(port, dataDir, deleteOnClose, partitions, audioRetentionMillis);
  }

  public EmbeddedKafkaSettings withAudioRetentionMillis(long audioRetentionMillis) {
    return copy(port, dataDir, deleteOnClose, partitions, audioRetentionMillis);
  }

  private EmbeddedKafkaSettings copy(
      int port, Path dataDir, boolean deleteOnClose, int partitions, long retentionMillis) {
    return new EmbeddedKafkaSettings(
        port,
        controllerPort,
        dataDir,
        deleteOnClose,
        partitions,
        startTimeoutMillis,
        retentionMillis);
  }

  private static void port(String key, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(key + "=" + port + " is not a port (0 to 65535)");
    }
  }
}
