package io.tonewatch.app.tail;

import io.tonewatch.app.alerting.NotificationLines;
import io.tonewatch.evaluation.report.Timeline;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.NotificationJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints the alert events of a topic as they arrive: readable lines ({@code CALL 00:21.30 customer
 * raised_voice opened raised ...}) or the JSON as published, one per line. Reads every partition
 * without a consumer group, so it never takes partitions from anyone. A record that is not an alert
 * event is counted and skipped. Owned by the thread that calls {@link #run}.
 */
public final class AlertTail implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  /** How events are printed. */
  public enum Format {
    TEXT,
    JSONL;

    public static Format parse(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final boolean fromBeginning;
  private final Format format;
  private final Consumer<String> out;
  private final PrintWriter err;
  private long skipped;

  public AlertTail(
      String bootstrapServers,
      String topic,
      boolean fromBeginning,
      Format format,
      Consumer<String> out,
      PrintWriter err) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tonewatch-tail");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    this.consumer = new KafkaConsumer<>(p);
    this.topic = topic;
    this.fromBeginning = fromBeginning;
    this.format = format;
    this.out = out;
    this.err = err;
  }

  /** Prints events until {@code stop} says so or {@code maxEvents} (0: no limit) were printed. */
  public long run(long maxEvents, BooleanSupplier stop) {
    if (!assign(stop)) {
      return 0;
    }
    long printed = 0;
    while (!stop.getAsBoolean() && (maxEvents == 0 || printed < maxEvents)) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (print(record)) {
          printed++;
          if (maxEvents != 0 && printed >= maxEvents) {
            break;
          }
        }
      }
    }
    return printed;
  }

  /** Assigns every partition of the topic, waiting (and saying so once) until it exists. */
  private boolean assign(BooleanSupplier stop) {
    boolean told = false;
    while (!stop.getAsBoolean()) {
      List<PartitionInfo> partitions;
      try {
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      } catch (KafkaException e) {
        partitions = List.of();
      }
      if (!partitions.isEmpty()) {
        List<TopicPartition> all = new ArrayList<>();
        partitions.forEach(p -> all.add(new TopicPartition(topic, p.partition())));
        consumer.assign(all);
        if (fromBeginning) {
          consumer.seekToBeginning(all);
        } else {
          consumer.seekToEnd(all);
          all.forEach(consumer::position); // fixes "the end" now, not at the first poll
        }
        return true;
      }
      if (!told) {
        err.println("tail: waiting for topic " + topic + " on Kafka...");
        err.flush();
        told = true;
      }
    }
    return false;
  }

  private boolean print(ConsumerRecord<byte[], byte[]> record) {
    String json =
        new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8);
    String text = readable(json);
    if (text == null) {
      if (skipped++ == 0) {
        err.println(
            "tail: skipped a record that is neither an alert event nor a notification at "
                + record.topic()
                + "-"
                + record.partition()
                + " offset "
                + record.offset());
        err.flush();
      }
      return false;
    }
    out.accept(format == Format.JSONL ? json : text);
    return true;
  }

  /** The readable line of an alert event or a notification; null for anything else. */
  private static String readable(String json) {
    try {
      return line(AlertEventJson.fromJson(json));
    } catch (IllegalArgumentException notAnAlert) {
      try {
        return NotificationLines.line(NotificationJson.fromJson(json));
      } catch (IllegalArgumentException notANotification) {
        return null;
      }
    }
  }

  /** One readable line: the call id, then the timeline line of {@code analyze}. */
  public static String line(AlertEvent event) {
    return String.format(Locale.ROOT, "%-16s %s", event.callId(), Timeline.line(event));
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
