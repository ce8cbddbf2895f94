package io.tonewatch.processor.service.config;

import io.tonewatch.events.Topics;
import io.tonewatch.settings.SettingKey;
import io.tonewatch.settings.SettingsFamily;
import java.util.List;

/**
 * Every setting of the stream-processor service: key (lowercase, dotted, prefix {@code process.}),
 * default and meaning. {@code --list-settings} prints this table; {@link #envName()} names the
 * environment variable that sets it.
 */
public enum ProcessKey implements SettingKey {
  GROUP_ID("process.group-id", "tonewatch-process", "Kafka consumer group the instances share"),
  CLIENT_ID("process.client-id", "tonewatch-process", "Client id of the consumer and producer"),
  WORKERS("process.workers", "2", "Engine threads; calls are sharded over them by call id"),
  MAX_CALLS("process.max-calls", "2000", "Live calls at once; a call over the cap is skipped"),
  WORKER_QUEUE_RECORDS(
      "process.worker-queue-records",
      "5000",
      "Records waiting per engine thread before the consumer waits for it"),
  MAX_UNACKNOWLEDGED_RECORDS(
      "process.max-unacknowledged-records",
      "20000",
      "Alerts and summaries sent but not yet acknowledged; at the bound the engine threads wait,"
          + " their queues fill and the consumer pauses"),
  MEDIA_TIMEOUT_SECONDS(
      "process.media-timeout-seconds",
      "30",
      "A call with no frame for this long is closed (its CallEnded never came)"),
  COMMIT_INTERVAL_MS(
      "process.commit-interval-ms", "1000", "How often offsets are committed (never past a call)"),
  SUMMARIES("process.summaries", "true", "Publish a per-second summary of each leg"),
  AGENT_ALERTS(
      "process.agent-alerts", "true", "Raise per-leg alerts for the agent leg (call-level always)"),
  AUTO_OFFSET_RESET(
      "process.auto-offset-reset",
      "earliest",
      "Where a partition with no committed offset starts: earliest or latest"),
  SESSION_TIMEOUT_MS(
      "process.session-timeout-ms",
      "45000",
      "How long a silent instance keeps its partitions before the group moves them"),
  DELIVERY_TIMEOUT_MS(
      "process.delivery-timeout-ms",
      "600000",
      "How long the producer retries an alert before giving it up (the call is then replayed)"),
  RETRY_BACKOFF_MAX_MS(
      "process.retry-backoff-max-ms", "5000", "Longest wait between retries of a failing poll"),
  AUDIO_TOPIC("process.topic.audio", Topics.AUDIO, "Topic the frames come from"),
  ALERTS_TOPIC("process.topic.alerts", Topics.ALERTS, "Topic alert events go to"),
  FEATURES_TOPIC("process.topic.features", Topics.FEATURES, "Topic leg summaries go to"),
  CALLS_TOPIC(
      "process.topic.calls", Topics.CALLS, "Topic calls' starts and ends (with metadata) go to"),
  BIND_ADDRESS("process.bind-address", "127.0.0.1", "Address /health and /metrics bind to"),
  HTTP_PORT("process.http-port", "8091", "Port of /health and /metrics (0: any free port)");

  /** Prefix of every key. */
  public static final String PREFIX = "process.";

  /** Prefix of every environment variable. */
  public static final String ENV_PREFIX = "TONEWATCH_PROCESS_";

  /** The family: defaults, file, environment and overrides of these keys. */
  public static final SettingsFamily<ProcessKey> FAMILY =
      new SettingsFamily<>(ProcessKey.class, PREFIX, ENV_PREFIX, "a process", List.of());

  private final String key;
  private final String defaultValue;
  private final String description;

  ProcessKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String defaultValue() {
    return defaultValue;
  }

  @Override
  public String description() {
    return description;
  }

  /** The environment variable, e.g. {@code TONEWATCH_PROCESS_MAX_CALLS}. */
  public String envName() {
    return FAMILY.envName(this);
  }

  /** The setting with {@code key}, or null. */
  public static ProcessKey byKey(String key) {
    return FAMILY.byKey(key);
  }
}
