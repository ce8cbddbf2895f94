package io.tonewatch.ingest.peers;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.AudioMessageCodec;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the audio topic with a real consumer and hands out each call's frames once it ended. */
final class AudioTopicReader implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, List<AudioMessage>> byCall = new HashMap<>();
  private final Set<String> ended = new HashSet<>();

  AudioTopicReader(String bootstrapServers, String topic, int partitions) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer = new KafkaConsumer<>(p);
    List<TopicPartition> assigned = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      assigned.add(new TopicPartition(topic, i));
    }
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
  }

  /** The frames of {@code leg} of {@code callId}, in the order they were published. */
  List<AudioFrame> leg(String callId, Leg leg) {
    Await.until(
        callId + " to end on the topic",
        () -> {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            for (AudioMessage message : AudioMessageCodec.decodeFrames(record.value())) {
              byCall.computeIfAbsent(message.callId(), c -> new ArrayList<>()).add(message);
              if (message instanceof CallEnded) {
                ended.add(message.callId());
              }
            }
          }
          return ended.contains(callId);
        });
    List<AudioFrame> frames = new ArrayList<>();
    for (AudioMessage message : byCall.get(callId)) {
      if (message instanceof AudioFrame frame && frame.leg() == leg) {
        frames.add(frame);
      }
    }
    return frames;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
