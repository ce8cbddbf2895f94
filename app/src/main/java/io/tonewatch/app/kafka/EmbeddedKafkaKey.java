package io.tonewatch.app.kafka;

import io.tonewatch.settings.SettingKey;
import io.tonewatch.settings.SettingValues;
import io.tonewatch.settings.SettingsFamily;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings of the embedded broker that {@code tonewatch run} starts without {@code --kafka}
 * (prefix {@code kafka.embedded.}, environment {@code TONEWATCH_KAFKA_EMBEDDED_...}).
 */
public enum EmbeddedKafkaKey implements SettingKey {
  PARTITIONS("kafka.embedded.partitions", "6", "Partitions of each tonewatch topic it creates"),
  AUDIO_RETENTION_MS(
      "kafka.embedded.audio-retention-ms",
      Long.toString(EmbeddedKafkaSettings.DEFAULT_AUDIO_RETENTION_MILLIS),
      "retention.ms of tonewatch.audio when created: above the longest call, for replay");

  static final SettingsFamily<EmbeddedKafkaKey> FAMILY =
      new SettingsFamily<>(
          EmbeddedKafkaKey.class,
          "kafka.embedded.",
          "TONEWATCH_KAFKA_EMBEDDED_",
          "an embedded Kafka",
          List.of());

  private final String key;
  private final String defaultValue;
  private final String description;

  EmbeddedKafkaKey(String key, String defaultValue, String description) {
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

  /**
   * The defaults with these settings from {@code file} (may be null), {@code env} and {@code
   * overrides} on top; a bad key or value throws an exception that names it.
   */
  public static EmbeddedKafkaSettings load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    SettingValues<EmbeddedKafkaKey> v = FAMILY.load(file, env, overrides);
    return EmbeddedKafkaSettings.defaults()
        .withPartitions(v.whole(PARTITIONS))
        .withAudioRetentionMillis(v.whole(AUDIO_RETENTION_MS));
  }

  /** Every key with its default and meaning, for {@code --list-settings}. */
  public static String table() {
    return FAMILY.table(36, 20);
  }
}
