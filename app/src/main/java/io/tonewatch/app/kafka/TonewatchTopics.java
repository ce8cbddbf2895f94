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
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

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
      awaitVisible(admin, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }
  }

  /**
   * Waits until the broker itself knows every topic: the controller acknowledges a creation once it
   * is committed, and the broker applies it from the metadata log a moment later, so a client
   * asking straight away could be told the topic does not exist.
   */
  private static void awaitVisible(Admin admin, long deadlineNanos)
      throws InterruptedException, ExecutionException {
    long backoffMillis = 10;
    while (true) {
      try {
        admin.describeTopics(ALL).allTopicNames().get();
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        if (System.nanoTime() > deadlineNanos) {
          throw new EmbeddedKafkaException("the broker did not show its new topics in time", e);
        }
        Thread.sleep(backoffMillis); // a backoff between polls of the condition, not a wait for it
        backoffMillis = Math.min(200, backoffMillis * 2);
      }
    }
  }
}
