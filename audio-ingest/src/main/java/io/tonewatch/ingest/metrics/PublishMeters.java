package io.tonewatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallStarted;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The publisher's meters ({@code tonewatch.ingest.publish.*}), registered up front so that they
 * read 0 rather than being absent. Tags: {@code type} (frame, call_started, call_ended), {@code
 * reason} ({@link IngestMetrics.PublishDrop}) and {@code kind} ({@link
 * IngestMetrics.PublishError}). Thread-safe: the maps are written only in the constructor.
 */
final class PublishMeters {
  static final List<String> TYPES = List.of("frame", "call_started", "call_ended");

  final Map<String, Counter> published = new java.util.HashMap<>();
  final Map<String, Map<IngestMetrics.PublishDrop, Counter>> dropped = new java.util.HashMap<>();
  final Map<IngestMetrics.PublishError, Counter> errors =
      new EnumMap<>(IngestMetrics.PublishError.class);
  final Timer latency;
  final Timer queueWait;
  final Timer handoff;
  final Timer send;

  PublishMeters(MeterRegistry registry) {
    String prefix = IngestMetrics.PREFIX + "publish.";
    for (String type : TYPES) {
      published.put(
          type,
          Counter.builder(prefix + "messages")
              .description("Audio-topic messages the broker acknowledged, by type")
              .tag("type", type)
              .register(registry));
      Map<IngestMetrics.PublishDrop, Counter> byReason =
          new EnumMap<>(IngestMetrics.PublishDrop.class);
      for (IngestMetrics.PublishDrop reason : IngestMetrics.PublishDrop.values()) {
        byReason.put(
            reason,
            Counter.builder(prefix + "dropped")
                .description("Messages dropped instead of published, by type and reason")
                .tag("type", type)
                .tag("reason", reason.tagValue())
                .register(registry));
      }
      dropped.put(type, byReason);
    }
    for (IngestMetrics.PublishError kind : IngestMetrics.PublishError.values()) {
      errors.put(
          kind,
          Counter.builder(prefix + "errors")
              .description("Errors between the publisher and Kafka, by kind")
              .tag("kind", kind.tagValue())
              .register(registry));
    }
    // Histograms with the same buckets, so the stages between accept and acknowledgement can be
    // told apart over any window from two scrapes.
    latency = timer(registry, prefix + "latency", "From accept to the broker's acknowledgement");
    queueWait =
        timer(registry, prefix + "queue.wait", "From accept to the sender taking the message");
    handoff =
        timer(
            registry,
            prefix + "handoff",
            "From accept to the producer taking the record: queue, batch and send");
    send = timer(registry, prefix + "send", "Time inside the producer's send, per record");
  }

  private static Timer timer(MeterRegistry registry, String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(1))
        .register(registry);
  }

  static String type(AudioMessage message) {
    if (message instanceof AudioFrame) {
      return TYPES.get(0);
    }
    return message instanceof CallStarted ? TYPES.get(1) : TYPES.get(2);
  }
}
