package io.tonewatch.app;

import io.tonewatch.app.kafka.KafkaClientSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code kafka.*} client pass-through of a service command: file, environment, {@code --set}.
 */
final class KafkaClientOptions {
  private KafkaClientOptions() {}

  static KafkaClientSettings resolve(Path configFile, Map<String, String> flags) {
    return ServiceSettings.resolve(
        "kafka.", KafkaClientSettings::load, configFile, System.getenv(), flags);
  }
}
