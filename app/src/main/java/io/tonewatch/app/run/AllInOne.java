package io.tonewatch.app.run;

import io.tonewatch.app.ingest.IngestRuntime;
import io.tonewatch.app.ingest.IngestSettings;
import io.tonewatch.app.kafka.EmbeddedKafka;
import io.tonewatch.app.kafka.EmbeddedKafkaSettings;
import io.tonewatch.app.process.ProcessRuntime;
import io.tonewatch.processor.service.config.ProcessConfig;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Everything of {@code tonewatch run} in one JVM: a single-node broker unless a cluster is given,
 * ingest publishing to it, and the stream-processor consuming from it. Closed in order: ingest
 * first (its publisher flushes the last frames), then the processor (it analyses what it has and
 * commits), then the broker. Thread-safety: start and close from one thread.
 */
public final class AllInOne implements AutoCloseable {
  private final EmbeddedKafka broker;
  private final IngestRuntime ingest;
  private final ProcessRuntime process;
  private final String bootstrapServers;

  private AllInOne(
      EmbeddedKafka broker, IngestRuntime ingest, ProcessRuntime process, String bootstrapServers) {
    this.broker = broker;
    this.ingest = ingest;
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts the parts; {@code kafka} null or blank starts an embedded broker whose data lives in
   * {@code dataDir} (null: a temporary directory, deleted at close).
   */
  public static AllInOne start(
      IngestSettings ingestSettings, ProcessConfig processConfig, String kafka, Path dataDir) {
    return start(ingestSettings, processConfig, kafka, dataDir, EmbeddedKafkaSettings.defaults());
  }

  /** As {@link #start(IngestSettings, ProcessConfig, String, Path)}, the broker set up as given. */
  public static AllInOne start(
      IngestSettings ingestSettings,
      ProcessConfig processConfig,
      String kafka,
      Path dataDir,
      EmbeddedKafkaSettings brokerSettings) {
    EmbeddedKafka broker = null;
    IngestRuntime ingest = null;
    try {
      String servers = kafka;
      if (servers == null || servers.isBlank()) {
        broker =
            EmbeddedKafka.start(
                dataDir == null ? brokerSettings : brokerSettings.withDataDir(dataDir, false));
        servers = broker.bootstrapServers();
      }
      ingest = IngestRuntime.start(ingestSettings.config(), servers, ingestSettings.publish());
      ProcessRuntime process = ProcessRuntime.start(processConfig, servers, false);
      return new AllInOne(broker, ingest, process, servers);
    } catch (RuntimeException e) {
      closeQuietly(ingest);
      closeQuietly(broker);
      throw e;
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public boolean embeddedBroker() {
    return broker != null;
  }

  public IngestRuntime ingest() {
    return ingest;
  }

  public ProcessRuntime process() {
    return process;
  }

  @Override
  public void close() {
    closeQuietly(ingest);
    closeQuietly(process);
    closeQuietly(broker);
  }

  private static void closeQuietly(AutoCloseable part) {
    if (part == null) {
      return;
    }
    try {
      part.close();
    } catch (Exception e) {
      // The next part must still close; the failure is the part owner's to report.
      LoggerFactory.getLogger(AllInOne.class)
          .warn("run: closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
    }
  }
}
