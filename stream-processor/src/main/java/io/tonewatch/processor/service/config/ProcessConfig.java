package io.tonewatch.processor.service.config;

import static io.tonewatch.processor.service.config.ProcessKey.*;

import io.tonewatch.settings.SettingsException;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the stream-processor service, validated when built and frozen for the life of
 * the service. Build it with {@link ProcessConfigLoader}; {@link ProcessKey} lists keys and
 * defaults. Each check names the key and the value it refuses.
 */
public record ProcessConfig(
    String groupId,
    String clientId,
    int workers,
    int maxCalls,
    int workerQueueRecords,
    int maxUnacknowledgedRecords,
    int mediaTimeoutSeconds,
    int commitIntervalMillis,
    boolean summaries,
    boolean agentAlerts,
    String autoOffsetReset,
    int sessionTimeoutMillis,
    int deliveryTimeoutMillis,
    int retryBackoffMaxMillis,
    String audioTopic,
    String alertsTopic,
    String featuresTopic,
    String callsTopic,
    String bindAddress,
    int httpPort) {

  private static final String TOPIC_NAME = "[a-zA-Z0-9._-]{1,249}";

  public ProcessConfig {
    text(GROUP_ID, groupId);
    text(CLIENT_ID, clientId);
    range(WORKERS, workers, 1, 256, "is not a thread count (1-256)");
    range(MAX_CALLS, maxCalls, 1, 1_000_000, "is not a call count (1-1000000)");
    range(WORKER_QUEUE_RECORDS, workerQueueRecords, 16, 1_000_000, "is not a size (16-1000000)");
    range(
        MAX_UNACKNOWLEDGED_RECORDS,
        maxUnacknowledgedRecords,
        1,
        1_000_000,
        "is not a count (1-1000000)");
    range(MEDIA_TIMEOUT_SECONDS, mediaTimeoutSeconds, 1, 86_400, "is not a timeout (1-86400 s)");
    range(COMMIT_INTERVAL_MS, commitIntervalMillis, 10, 600_000, "is not an interval (10-600000)");
    if (!"earliest".equals(autoOffsetReset) && !"latest".equals(autoOffsetReset)) {
      throw SettingsException.of(AUTO_OFFSET_RESET, autoOffsetReset, "is not earliest or latest");
    }
    // The broker refuses sessions outside group.min/max.session.timeout.ms (6 s and 30 min).
    range(SESSION_TIMEOUT_MS, sessionTimeoutMillis, 6_000, 1_800_000, "is not 6000-1800000 ms");
    range(DELIVERY_TIMEOUT_MS, deliveryTimeoutMillis, 15_000, Integer.MAX_VALUE, "is under 15000");
    range(RETRY_BACKOFF_MAX_MS, retryBackoffMaxMillis, 10, 600_000, "is not 10-600000 ms");
    topic(AUDIO_TOPIC, audioTopic);
    topic(ALERTS_TOPIC, alertsTopic);
    topic(FEATURES_TOPIC, featuresTopic);
    topic(CALLS_TOPIC, callsTopic);
    if (audioTopic.equals(alertsTopic)
        || audioTopic.equals(featuresTopic)
        || audioTopic.equals(callsTopic)) {
      throw SettingsException.of(AUDIO_TOPIC, audioTopic, "is also an output topic");
    }
    text(BIND_ADDRESS, bindAddress);
    range(HTTP_PORT, httpPort, 0, 65_535, "is not a port (0-65535, 0 = any free port)");
  }

  /** Every default, as {@link ProcessKey} lists them. */
  public static ProcessConfig defaults() {
    return ProcessConfigLoader.fromMap(Map.of());
  }

  private static void text(ProcessKey key, String value) {
    Objects.requireNonNull(value, key.key());
    if (value.isBlank()) {
      throw SettingsException.of(key, value, "must not be blank");
    }
  }

  private static void topic(ProcessKey key, String value) {
    if (value == null || !value.matches(TOPIC_NAME)) {
      throw SettingsException.of(key, value, "is not a valid Kafka topic name");
    }
  }

  private static void range(ProcessKey key, int value, int min, int max, String problem) {
    if (value < min || value > max) {
      throw SettingsException.of(key, value, problem);
    }
  }
}
