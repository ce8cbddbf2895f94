package io.tonewatch.app.kafka;

import io.tonewatch.events.Topics;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates tonewatch's topics (audio, alerts, features) on a broker; existing ones are kept. */
final class TonewatchTopics {
  static final List<String> ALL = List.of(Topics.AUDIO, Topics.ALERTS, Topics.FEATURES);

  private TonewatchTopics() {}

  static void create(String bootstrap, int partitions, long timeoutMillis)
      throws InterruptedException, ExecutionException {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
    try (Admin admin = Admin.create(properties)) {
      for (String topic : ALL) {
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
              .all()
              .get(timeoutMillis, TimeUnit.MILLISECONDS);
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
