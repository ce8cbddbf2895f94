package io.tonewatch.app.kafka;

import io.tonewatch.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates tonewatch's topics (audio, alerts, features, calls) on a broker, the audio topic with its
 * retention; existing ones are kept as they are.
 */
final class TonewatchTopics {
  static final List<String> ALL =
      List.of(Topics.AUDIO, Topics.ALERTS, Topics.FEATURES, Topics.CALLS);

  private TonewatchTopics() {}

  static void create(String bootstrap, EmbeddedKafkaSettings settings)
      throws InterruptedException, ExecutionException {
    long timeoutMillis = settings.startTimeoutMillis();
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
    try (Admin admin = Admin.create(properties)) {
      for (String topic : ALL) {
        try {
          NewTopic newTopic = new NewTopic(topic, settings.partitions(), (short) 1);
          if (topic.equals(Topics.AUDIO)) {
            newTopic.configs(
                Map.of(
                    TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(settings.audioRetentionMillis())));
          }
          admin.createTopics(List.of(newTopic)).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        } catch (TimeoutException e) {
          throw new EmbeddedKafkaException("creating topic " + topic + " timed out", e);
        }
      }
    }
  }
}
