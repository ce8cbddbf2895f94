package io.tonewatch.processor.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Every meter of the stream-processor service, named once here ({@code tonewatch.process.*}, so
 * Prometheus sees {@code tonewatch_process_frames_total} and so on). Tags are small fixed sets:
 * never a call id. Thread-safe: Micrometer meters and the atomics behind the gauges are.
 */
public final class ProcessMetrics {
  public static final String PREFIX = "tonewatch.process.";

  /** Why a record of the audio topic was not analysed: the {@code reason} tag. */
  public enum Skip {
    /** The bytes are not an audio message. */
    CORRUPT,
    /** A frame or end of a call whose start this instance never saw (or that already ended). */
    UNKNOWN_CALL,
    /** A call that started while the live-call cap was reached. */
    OVER_CAP,
    /** A second start of a call that is live. */
    DUPLICATE_START;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How a call's analysis ended: the {@code reason} tag. */
  public enum CallEnd {
    HANGUP,
    MEDIA_TIMEOUT,
    SHUTDOWN;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final Counter frames;
  private final Timer engineFrame;
  private final Timer decisionLag;
  private static final Duration[] FRAME_LAG_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(20),
    Duration.ofMillis(30),
    Duration.ofMillis(50),
    Duration.ofMillis(75),
    Duration.ofMillis(100),
    Duration.ofMillis(150),
    Duration.ofMillis(200),
    Duration.ofMillis(300),
    Duration.ofMillis(500),
    Duration.ofMillis(1000),
    Duration.ofMillis(2000),
    Duration.ofMillis(5000)
  };

  private final Timer frameLag;
  private final Timer pollLag;
  private final Counter replayed;
  private final Counter summaries;
  private final Counter publishFailures;
  private final Counter pollRetries;
  private final Map<Skip, Counter> skipped = new EnumMap<>(Skip.class);
  private final Map<CallEnd, Counter> ended = new EnumMap<>(CallEnd.class);
  private final Map<AlertKind, Map<Severity, Counter>> alerts = new EnumMap<>(AlertKind.class);
  private final AtomicInteger liveCalls = new AtomicInteger();
  private final AtomicLong consumerLag = new AtomicLong();
  private final AtomicInteger kafkaReachable = new AtomicInteger();

  public ProcessMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    frames = counter("frames", "Audio frames analysed by the engine");
    engineFrame =
        Timer.builder(PREFIX + "engine.frame")
            .description("Engine time per 20 ms frame")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    decisionLag =
        Timer.builder(PREFIX + "decision.lag")
            .description(
                "From the frame's capture (its record time) to the alert's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    frameLag =
        Timer.builder(PREFIX + "frame.lag")
            .description("From a frame's capture (its record time) to the end of its analysis")
            // Cumulative buckets rather than client-side percentiles, so a benchmark or an alert
            // rule can take the share of frames
            // within the 200 ms budget over any window from two scrapes.
            .serviceLevelObjectives(FRAME_LAG_BUCKETS)
            .register(registry);
    pollLag =
        Timer.builder(PREFIX + "poll.lag")
            .description("From an audio record's time to the poll that returned it")
            .serviceLevelObjectives(FRAME_LAG_BUCKETS)
            .register(registry);
    replayed = counter("calls.replayed", "Calls read again from their start after an assignment");
    summaries = counter("summaries", "Per-second leg summaries published");
    publishFailures = counter("publish.failures", "Alerts or summaries the producer gave up on");
    pollRetries = counter("poll.retries", "Polls that failed transiently and were retried");
    for (Skip skip : Skip.values()) {
      String description = "Audio records skipped instead of analysed";
      skipped.put(skip, counter("records.skipped", description, "reason", skip.tag()));
    }
    for (CallEnd end : CallEnd.values()) {
      ended.put(end, counter("calls.ended", "Calls whose analysis ended", "reason", end.tag()));
    }
    for (AlertKind kind : AlertKind.values()) {
      Map<Severity, Counter> bySeverity = new EnumMap<>(Severity.class);
      for (Severity severity : Severity.values()) {
        String[] tags = {"kind", kind.wireName(), "severity", severity.wireName()};
        bySeverity.put(severity, counter("alerts", "Alert events published", tags));
      }
      alerts.put(kind, bySeverity);
    }
    Gauge.builder(PREFIX + "calls.live", liveCalls, AtomicInteger::get)
        .description("Calls being analysed now")
        .register(registry);
    Gauge.builder(PREFIX + "consumer.lag", consumerLag, AtomicLong::get)
        .description("Audio records not yet read, over this instance's partitions")
        .register(registry);
    Gauge.builder(PREFIX + "kafka.reachable", kafkaReachable, AtomicInteger::get)
        .description("1 while the Kafka cluster answers, else 0")
        .register(registry);
  }

  /** Registers a gauge {@code tonewatch.process.NAME} read from {@code value}. */
  public void gauge(String name, String description, IntSupplier value) {
    Gauge.builder(PREFIX + name, value, IntSupplier::getAsInt)
        .description(description)
        .strongReference(true) // the supplier is often a lambda nothing else holds
        .register(registry);
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(PREFIX + name).description(description).tags(tags).register(registry);
  }

  /** One frame analysed in {@code engineNanos}, {@code lagMillis} after its capture. */
  public void frameAnalysed(long engineNanos, long lagMillis) {
    frames.increment();
    engineFrame.record(engineNanos, TimeUnit.NANOSECONDS);
    frameLag.record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
  }

  /** An audio record came back from a poll {@code lagMillis} after its record time. */
  public void recordPolled(long lagMillis) {
    pollLag.record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
  }

  public void alertPublished(AlertEvent event, long lagMillis) {
    alerts.get(event.kind()).get(event.severity()).increment();
    decisionLag.record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
  }

  public void summaryPublished() {
    summaries.increment();
  }

  public void publishFailed() {
    publishFailures.increment();
  }

  public void skipped(Skip reason) {
    skipped.get(reason).increment();
  }

  public void callEnded(CallEnd reason) {
    ended.get(reason).increment();
  }

  public void callReplayed() {
    replayed.increment();
  }

  public void pollRetried() {
    pollRetries.increment();
  }

  public AtomicInteger liveCalls() {
    return liveCalls;
  }

  public void consumerLag(long records) {
    consumerLag.set(records);
  }

  public void kafkaReachable(boolean reachable) {
    kafkaReachable.set(reachable ? 1 : 0);
  }

  public MeterRegistry registry() {
    return registry;
  }
}
