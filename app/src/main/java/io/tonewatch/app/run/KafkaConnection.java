package io.tonewatch.app.run;

import io.tonewatch.app.kafka.KafkaClientSettings;
import java.util.Objects;

/**
 * How {@code run}'s parts reach Kafka.
 *
 * @param bootstrapServers the cluster, or null for a broker in this JVM
 * @param client the client properties every part passes to its clients (security and the like)
 */
public record KafkaConnection(String bootstrapServers, KafkaClientSettings client) {
  public KafkaConnection {
    Objects.requireNonNull(client, "client");
  }
}
