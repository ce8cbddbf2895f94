package io.tonewatch.ingest.publish;

import io.tonewatch.events.Topics;
import io.tonewatch.events.audio.FrameBatch;
import io.tonewatch.settings.SettingsException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How {@link KafkaFramePublisher} talks to Kafka; validates itself and names the key and value of a
 * bad setting. Keys (with {@link #fromMap}): {@code ingest.publish.bootstrap-servers}, {@code
 * .topic}, {@code .client-id}, {@code .queue-frames}, {@code .control-queue-messages}, {@code
 * .linger-ms}, {@code .compression}, {@code .buffer-memory-bytes}, {@code .max-block-ms}, {@code
 * .delivery-timeout-ms}, {@code .close-timeout-ms}, {@code .batch-frames}, {@code .batch-millis}.
 *
 * @param bootstrapServers Kafka's {@code host:port[,host:port...]}
 * @param topic the audio topic, {@link Topics#AUDIO} unless testing
 * @param clientId the producer's client id (shows in broker logs and quotas)
 * @param queueFrames audio frames the publisher's own queue holds before dropping the oldest
 * @param controlQueueMessages call starts and ends it holds (a separate, generous bound)
 * @param lingerMillis how long the producer waits to fill a batch
 * @param compression {@code none}, {@code lz4}, {@code zstd}, {@code snappy} or {@code gzip}
 * @param bufferMemoryBytes the producer's own buffer of unsent records
 * @param maxBlockMillis how long one send may wait for buffer space or metadata before it is
 *     retried
 * @param deliveryTimeoutMillis how long the producer retries one record before giving it up
 * @param closeTimeoutMillis how long close may take to deliver what is still queued
 * @param batchFrames consecutive frames of a leg sent in one record (1: one record per frame); a
 *     batch adds up to {@code (batchFrames - 1) * 20} ms to the capture-to-decision lag
 * @param batchMillis the longest a frame waits for its batch to fill before it is sent anyway
 */
public record PublisherSettings(
    String bootstrapServers,
    String topic,
    String clientId,
    int queueFrames,
    int controlQueueMessages,
    int lingerMillis,
    String compression,
    long bufferMemoryBytes,
    int maxBlockMillis,
    int deliveryTimeoutMillis,
    int closeTimeoutMillis,
    int batchFrames,
    int batchMillis) {

  public static final String PREFIX = "ingest.publish.";

  /** 10 s of audio for 500 legs (50 frames/s each): about 95 MiB of heap at ~380 B a frame. */
  public static final int DEFAULT_QUEUE_FRAMES = 250_000;

  /**
   * Three frames a record: 40 ms added at most; five kept p99 lag above the 200 ms budget in the
   * pipeline benchmark (docs/BENCHMARKS.md).
   */
  public static final int DEFAULT_BATCH_FRAMES = 3;

  public static final int DEFAULT_BATCH_MILLIS = 100;

  private static final Set<String> COMPRESSIONS = Set.of("none", "lz4", "zstd", "snappy", "gzip");
  private static final int REQUEST_TIMEOUT_MILLIS = 10_000;
  private static final int MAX_BATCH_MILLIS = 1_000;

  public PublisherSettings {
    if (bootstrapServers == null || !bootstrapServers.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*")) {
      throw bad("bootstrap-servers", bootstrapServers, "is not host:port[,host:port...]");
    }
    if (topic == null || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
      throw bad("topic", topic, "is not a valid Kafka topic name");
    }
    if (clientId == null || clientId.isBlank()) {
      throw bad("client-id", clientId, "must not be blank");
    }
    atLeast("queue-frames", queueFrames, 1);
    atLeast("control-queue-messages", controlQueueMessages, 1);
    atLeast("linger-ms", lingerMillis, 0);
    if (compression == null || !COMPRESSIONS.contains(compression)) {
      throw bad("compression", compression, "is not one of " + COMPRESSIONS);
    }
    if (bufferMemoryBytes < 1 << 20) {
      throw bad("buffer-memory-bytes", bufferMemoryBytes, "must be at least 1048576");
    }
    atLeast("max-block-ms", maxBlockMillis, 1);
    if ((long) deliveryTimeoutMillis < (long) lingerMillis + REQUEST_TIMEOUT_MILLIS) {
      throw bad(
          "delivery-timeout-ms",
          deliveryTimeoutMillis,
          "must be at least linger-ms + " + REQUEST_TIMEOUT_MILLIS + " (the request timeout)");
    }
    atLeast("close-timeout-ms", closeTimeoutMillis, 0);
    if (batchFrames < 1 || batchFrames > FrameBatch.MAX_FRAMES) {
      throw bad("batch-frames", batchFrames, "must be 1 to " + FrameBatch.MAX_FRAMES);
    }
    if (batchMillis < 0 || batchMillis > MAX_BATCH_MILLIS) {
      throw bad("batch-millis", batchMillis, "must be 0 to " + MAX_BATCH_MILLIS);
    }
  }

  /** Defaults for everything but the bootstrap servers. */
  public static PublisherSettings defaults(String bootstrapServers) {
    return new PublisherSettings(
        bootstrapServers,
        Topics.AUDIO,
        "tonewatch-ingest",
        DEFAULT_QUEUE_FRAMES,
        20_000,
        5,
        "lz4",
        32L << 20,
        1_000,
        600_000,
        10_000,
        DEFAULT_BATCH_FRAMES,
        DEFAULT_BATCH_MILLIS);
  }

  /** Reads {@code ingest.publish.*} keys from {@code values}; absent keys take the defaults. */
  public static PublisherSettings fromMap(Map<String, String> values) {
    PublisherSettings d =
        defaults(values.getOrDefault(PREFIX + "bootstrap-servers", "127.0.0.1:9092"));
    return new PublisherSettings(
        d.bootstrapServers(),
        values.getOrDefault(PREFIX + "topic", d.topic()),
        values.getOrDefault(PREFIX + "client-id", d.clientId()),
        (int) number(values, "queue-frames", d.queueFrames()),
        (int) number(values, "control-queue-messages", d.controlQueueMessages()),
        (int) number(values, "linger-ms", d.lingerMillis()),
        values.getOrDefault(PREFIX + "compression", d.compression()).toLowerCase(Locale.ROOT),
        number(values, "buffer-memory-bytes", d.bufferMemoryBytes()),
        (int) number(values, "max-block-ms", d.maxBlockMillis()),
        (int) number(values, "delivery-timeout-ms", d.deliveryTimeoutMillis()),
        (int) number(values, "close-timeout-ms", d.closeTimeoutMillis()),
        (int) number(values, "batch-frames", d.batchFrames()),
        (int) number(values, "batch-millis", d.batchMillis()));
  }

  /**
   * The producer configuration: idempotent with acks=all (no loss and no duplicates on retries,
   * order kept per partition with up to 5 requests in flight), retries bounded only by the delivery
   * timeout, byte-array key and value.
   */
  public Properties producerProperties() {
    return producerProperties(Map.of());
  }

  /**
   * The producer configuration as above, with {@code passThrough} (Kafka producer properties such
   * as {@code security.protocol}) filling in every key it does not set.
   */
  public Properties producerProperties(Map<String, String> passThrough) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(deliveryTimeoutMillis));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(REQUEST_TIMEOUT_MILLIS));
    p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "100");
    p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "1000");
    p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMillis));
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(64 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(bufferMemoryBytes));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(maxBlockMillis));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    passThrough.forEach(p::putIfAbsent);
    return p;
  }

  private static long number(Map<String, String> values, String key, long fallback) {
    String text = values.get(PREFIX + key);
    if (text == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value > Integer.MAX_VALUE && !key.equals("buffer-memory-bytes")) {
        throw bad(key, text, "is too large");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new SettingsException(PREFIX + key + "=" + text + " is not a whole number", e);
    }
  }

  private static void atLeast(String key, long value, long min) {
    if (value < min) {
      throw bad(key, value, "must be at least " + min);
    }
  }

  private static SettingsException bad(String key, Object value, String problem) {
    return new SettingsException(PREFIX + key + "=" + value + " " + problem);
  }
}
