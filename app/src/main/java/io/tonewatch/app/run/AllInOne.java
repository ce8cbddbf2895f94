package io.tonewatch.app.run;

import io.tonewatch.alerting.NotificationListener;
import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.config.IntegrationSettings;
import io.tonewatch.app.alerting.AlertingRuntime;
import io.tonewatch.app.ingest.IngestRuntime;
import io.tonewatch.app.ingest.IngestSettings;
import io.tonewatch.app.kafka.EmbeddedKafka;
import io.tonewatch.app.kafka.EmbeddedKafkaSettings;
import io.tonewatch.app.kafka.KafkaClientSettings;
import io.tonewatch.app.process.ProcessRuntime;
import io.tonewatch.processor.service.config.ProcessConfig;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything of {@code tonewatch run} in one JVM: a single-node broker unless a cluster is given,
 * ingest publishing to it, the stream-processor consuming from it and the alerting service after
 * it. Closed in order: ingest first (its publisher flushes the last frames), then the processor (it
 * analyses what it has and commits), then alerting (it records what the last alerts made due), then
 * the broker. Thread-safety: start and close from one thread.
 */
public final class AllInOne implements AutoCloseable {
  private final EmbeddedKafka broker;
  private final IngestRuntime ingest;
  private final ProcessRuntime process;
  private final AlertingRuntime alerting;
  private final String bootstrapServers;

  private AllInOne(
      EmbeddedKafka broker,
      IngestRuntime ingest,
      ProcessRuntime process,
      AlertingRuntime alerting,
      String bootstrapServers) {
    this.broker = broker;
    this.ingest = ingest;
    this.process = process;
    this.alerting = alerting;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts the parts; {@code kafka} null or blank starts an embedded broker whose data lives in
   * {@code dataDir} (null: a temporary directory, deleted at close).
   */
  public static AllInOne start(
      IngestSettings ingestSettings, ProcessConfig processConfig, String kafka, Path dataDir) {
    return start(
        ingestSettings,
        processConfig,
        null,
        NotificationListener.none(),
        new KafkaConnection(kafka, KafkaClientSettings.none()),
        dataDir,
        EmbeddedKafkaSettings.defaults());
  }

  /**
   * Starts the parts as {@link #start(IngestSettings, ProcessConfig, String, Path)} does, the
   * broker set up as given, and the alerting service too unless {@code alertingConfig} is null;
   * {@code notifications} hears each notification it sends; {@code kafka} names the cluster (its
   * servers null: the embedded broker) and the client properties every part passes on.
   */
  public static AllInOne start(
      IngestSettings ingestSettings,
      ProcessConfig processConfig,
      AlertingConfig alertingConfig,
      NotificationListener notifications,
      KafkaConnection kafka,
      Path dataDir,
      EmbeddedKafkaSettings brokerSettings) {
    return start(
        ingestSettings,
        processConfig,
        alertingConfig,
        IntegrationSettings.of(Map.of()),
        notifications,
        kafka,
        dataDir,
        brokerSettings);
  }

  /** As above, with alerting's call platform and webhook configured by {@code integrations}. */
  public static AllInOne start(
      IngestSettings ingestSettings,
      ProcessConfig processConfig,
      AlertingConfig alertingConfig,
      IntegrationSettings integrations,
      NotificationListener notifications,
      KafkaConnection kafka,
      Path dataDir,
      EmbeddedKafkaSettings brokerSettings) {
    EmbeddedKafka broker = null;
    IngestRuntime ingest = null;
    ProcessRuntime process = null;
    try {
      String servers = kafka.bootstrapServers();
      KafkaClientSettings client = kafka.client();
      if (servers == null || servers.isBlank()) {
        broker =
            EmbeddedKafka.start(
                dataDir == null ? brokerSettings : brokerSettings.withDataDir(dataDir, false));
        servers = broker.bootstrapServers();
      }
      ingest =
          IngestRuntime.start(ingestSettings.config(), servers, ingestSettings.publish(), client);
      process = ProcessRuntime.start(processConfig, servers, client, false);
      AlertingRuntime alerting =
          alertingConfig == null
              ? null
              : AlertingRuntime.start(alertingConfig, servers, client, notifications, integrations);
      return new AllInOne(broker, ingest, process, alerting, servers);
    } catch (RuntimeException e) {
      closeQuietly(process);
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

  /** The alerting service, or null when it was not started. */
  public AlertingRuntime alerting() {
    return alerting;
  }

  @Override
  public void close() {
    closeQuietly(ingest);
    closeQuietly(process);
    closeQuietly(alerting);
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
