package io.tonewatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Every meter of the ingest service, named once here ({@code tonewatch.ingest.*}, so Prometheus
 * sees {@code tonewatch_ingest_packets_total{source="rtp",outcome="late"}} and so on). Tags are
 * small fixed sets: never a call id, SSRC, address or phone number. Thread-safe: Micrometer meters
 * are.
 */
public final class IngestMetrics {
  public static final String PREFIX = "tonewatch.ingest.";

  /** Which front-end a packet or message came through: the {@code source} tag. */
  public enum Source {
    RTP,
    WEBSOCKET,
    AUDIOSOCKET;

    String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Why the publisher dropped a message instead of publishing it: the {@code reason} tag. */
  public enum PublishDrop {
    /** The queue was full: the oldest queued audio frame made room for a new one. */
    QUEUE_FULL,
    /**
     * The separate bound on queued call starts and ends was reached (never in normal operation).
     */
    CONTROL_QUEUE_FULL,
    /** The producer failed the record for good (see the errors meter for why). */
    FAILED,
    /** Still queued when the close deadline passed, or accepted after close. */
    SHUTDOWN;

    String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What went wrong between the publisher and Kafka: the {@code kind} tag. */
  public enum PublishError {
    /** The producer's buffer stayed full or metadata stayed unknown for max.block.ms: retried. */
    SEND_TIMEOUT,
    /** The broker did not acknowledge within the delivery timeout: the record is lost. */
    DELIVERY_TIMEOUT,
    /** The broker or producer refused the record as too large. */
    RECORD_TOO_LARGE,
    /** The message could not be encoded (e.g. metadata past the codec's bounds). */
    ENCODE,
    /** Authentication or authorization failed. */
    AUTHORIZATION,
    /** Anything else the producer reported. */
    OTHER;

    String tagValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final Map<Source, Map<PacketOutcome, Counter>> packets = new EnumMap<>(Source.class);
  private final Counter framesOut;
  private final Counter framesConcealed;
  private final Counter legsRefused;
  private final DistributionSummary jitterSeconds;
  private final DistributionSummary lossRatio;
  private final PublishMeters publishMeters;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    for (Source source : Source.values()) {
      Map<PacketOutcome, Counter> bySource = new EnumMap<>(PacketOutcome.class);
      for (PacketOutcome outcome : PacketOutcome.values()) {
        bySource.put(
            outcome,
            Counter.builder(PREFIX + "packets")
                .description("Packets and media messages received, by front-end and outcome")
                .tag("source", source.tagValue())
                .tag("outcome", outcome.tagValue())
                .register(registry));
      }
      packets.put(source, bySource);
    }
    framesOut =
        Counter.builder(PREFIX + "frames")
            .description("Repaired 20 ms frames handed to the publisher")
            .register(registry);
    framesConcealed =
        Counter.builder(PREFIX + "frames.concealed")
            .description("Frames filled in for lost audio (a subset of frames)")
            .register(registry);
    legsRefused =
        Counter.builder(PREFIX + "legs.refused")
            .description("Legs refused because ingest.max-legs legs were live, across front-ends")
            .register(registry);
    jitterSeconds =
        DistributionSummary.builder(PREFIX + "jitter")
            .description("RFC 3550 interarrival jitter per leg, sampled once a second")
            .baseUnit("seconds")
            .register(registry);
    lossRatio =
        DistributionSummary.builder(PREFIX + "loss.ratio")
            .description("Share of expected packets lost per leg, at the end of the leg")
            .register(registry);
    publishMeters = new PublishMeters(registry);
  }

  /** Counts one packet or message of {@code source} with its outcome. */
  public void packet(Source source, PacketOutcome outcome) {
    packets.get(source).get(outcome).increment();
  }

  /** Counts a repaired frame handed on; {@code concealed} when it fills in lost audio. */
  public void frame(boolean concealed) {
    framesOut.increment();
    if (concealed) {
      framesConcealed.increment();
    }
  }

  /** Counts legs refused at the leg limit, whichever front-end refused them. */
  public void legsRefused(int legs) {
    legsRefused.increment(legs);
  }

  /** Records one leg's current interarrival jitter; exported in seconds, Prometheus's base unit. */
  public void jitterMs(double jitterMs) {
    jitterSeconds.record(jitterMs / 1000.0);
  }

  /** Records the share of a leg's expected packets that never arrived, 0 to 1. */
  public void lossRatio(double ratio) {
    lossRatio.record(ratio);
  }

  /** Registers a gauge {@code tonewatch.ingest.NAME} read from {@code value}, e.g. active legs. */
  public void gauge(String name, String description, Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder(PREFIX + name, value)
        .description(description)
        .register(registry);
  }

  /** Counts a message the broker acknowledged and records accept-to-acknowledgement latency. */
  public void published(io.tonewatch.events.audio.AudioMessage message, long latencyNanos) {
    publishMeters().published.get(PublishMeters.type(message)).increment();
    publishMeters().latency.record(latencyNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Records how long a message waited in the publisher's queue before the sender took it. */
  public void publishTaken(long waitNanos) {
    publishMeters().queueWait.record(waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Records how long one message took from its accept to the end of its record's send. */
  public void publishHandedOff(long handoffNanos) {
    publishMeters().handoff.record(handoffNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Records the time one record spent inside the producer's send. */
  public void publishSent(long sendNanos) {
    publishMeters().send.record(sendNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Counts a message the publisher dropped, by its type and why. */
  public void publishDropped(io.tonewatch.events.audio.AudioMessage message, PublishDrop reason) {
    publishMeters().dropped.get(PublishMeters.type(message)).get(reason).increment();
  }

  /** Counts one error between the publisher and Kafka. */
  public void publishError(PublishError kind) {
    publishMeters().errors.get(kind).increment();
  }

  /** Registers the publisher's queue gauges: messages queued now and the frame capacity. */
  public void publishQueue(Supplier<Number> depth, int capacityFrames) {
    gauge("publish.queue.depth", "Messages waiting in the publisher's queue", depth);
    gauge(
        "publish.queue.capacity", "Audio frames the publisher's queue holds", () -> capacityFrames);
  }

  private PublishMeters publishMeters() {
    return publishMeters;
  }

  /** The registry, for components that register meters of their own under {@link #PREFIX}. */
  public MeterRegistry registry() {
    return registry;
  }
}
