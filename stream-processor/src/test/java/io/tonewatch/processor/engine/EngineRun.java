package io.tonewatch.processor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Test-only: feeds whole PCM signals through a {@link CallAnalyzer} in 20 ms frames, the way
 * audio-ingest would, and keeps every alert event and feature frame.
 */
final class EngineRun {
  static final String CALL_ID = "test-call";
  static final Instant MEDIA_START = Instant.parse("2025-03-01T09:00:00Z");
  static final int FRAME = CallAnalyzer.FRAME_SAMPLES;

  final List<AlertEvent> events = new ArrayList<>();
  final List<FeatureFrame> customerFeatures = new ArrayList<>();
  final List<FeatureFrame> agentFeatures = new ArrayList<>();
  long fedMillis;

  private EngineRun() {}

  /** A mono call: only the customer leg is fed. */
  static EngineRun mono(short[] customer) {
    return mono(customer, frame -> false, DetectorSettings.defaults());
  }

  /** A mono call whose frames are flagged concealed where {@code concealed} says so. */
  static EngineRun mono(short[] customer, IntPredicate concealed, DetectorSettings settings) {
    EngineRun run = new EngineRun();
    CallAnalyzer analyzer = run.analyzer(settings);
    int frames = customer.length / FRAME;
    for (int f = 0; f < frames; f++) {
      analyzer.onFrame(Leg.CUSTOMER, customer, f * FRAME, concealed.test(f));
    }
    analyzer.finish();
    run.fedMillis = (long) frames * CallAnalyzer.FRAME_MILLIS;
    return run;
  }

  /** A two-leg call: one frame of each leg in turn, customer first. */
  static EngineRun stereo(short[] customer, short[] agent, DetectorSettings settings) {
    EngineRun run = new EngineRun();
    CallAnalyzer analyzer = run.analyzer(settings);
    int frames = Math.min(customer.length, agent.length) / FRAME;
    for (int f = 0; f < frames; f++) {
      analyzer.onFrame(Leg.CUSTOMER, customer, f * FRAME, false);
      analyzer.onFrame(Leg.AGENT, agent, f * FRAME, false);
    }
    analyzer.finish();
    run.fedMillis = (long) frames * CallAnalyzer.FRAME_MILLIS;
    return run;
  }

  private CallAnalyzer analyzer(DetectorSettings settings) {
    return new CallAnalyzer(
        CALL_ID,
        settings,
        WallClock.anchoredAt(MEDIA_START),
        events::add,
        (leg, frame) -> (leg == Leg.CUSTOMER ? customerFeatures : agentFeatures).add(frame));
  }

  /** Events of one kind and state; {@code leg} null for call-level kinds. */
  List<AlertEvent> events(AlertKind kind, Leg leg, AlertState state) {
    List<AlertEvent> out = new ArrayList<>();
    for (AlertEvent e : events) {
      if (e.kind() == kind && e.leg() == leg && e.state() == state) {
        out.add(e);
      }
    }
    return out;
  }

  List<AlertEvent> opened(AlertKind kind, Leg leg) {
    return events(kind, leg, AlertState.OPENED);
  }

  List<String> json() {
    List<String> out = new ArrayList<>();
    for (AlertEvent e : events) {
      out.add(AlertEventJson.toJson(e));
    }
    return out;
  }

  /**
   * Checks every episode's lifecycle: one {@code opened} first, then only {@code updated}, then
   * exactly one {@code closed}, in media order; episodes of one kind and leg never overlap.
   */
  void assertEpisodesWellFormed() {
    Map<String, List<AlertEvent>> byId = new LinkedHashMap<>();
    for (AlertEvent e : events) {
      byId.computeIfAbsent(e.alertId(), id -> new ArrayList<>()).add(e);
    }
    Map<String, Long> lastClosedMs = new LinkedHashMap<>();
    for (Map.Entry<String, List<AlertEvent>> episode : byId.entrySet()) {
      List<AlertEvent> steps = episode.getValue();
      String id = episode.getKey();
      assertEquals(AlertState.OPENED, steps.get(0).state(), id + " starts opened");
      AlertEvent last = steps.get(steps.size() - 1);
      assertEquals(AlertState.CLOSED, last.state(), id + " ends closed");
      long closedCount = steps.stream().filter(e -> e.state() == AlertState.CLOSED).count();
      long openedCount = steps.stream().filter(e -> e.state() == AlertState.OPENED).count();
      assertEquals(1, openedCount, id + " opened once");
      assertEquals(1, closedCount, id + " closed once");
      for (int i = 1; i < steps.size(); i++) {
        AlertEvent step = steps.get(i);
        assertTrue(step.mediaTimeMs() >= steps.get(i - 1).mediaTimeMs(), id + " in media order");
        assertEquals(steps.get(0).kind(), step.kind(), id + " keeps its kind");
        assertEquals(steps.get(0).leg(), step.leg(), id + " keeps its leg");
      }
      String lane = steps.get(0).kind() + "/" + steps.get(0).leg();
      Long previousClose = lastClosedMs.get(lane);
      assertTrue(
          previousClose == null || steps.get(0).mediaTimeMs() >= previousClose,
          id + " opens after the previous episode of " + lane + " closed");
      lastClosedMs.put(lane, last.mediaTimeMs());
    }
  }

  /** Median of a feature over the customer's voiced frames between two times. */
  static double medianVoiced(
      List<FeatureFrame> frames,
      double fromS,
      double toS,
      java.util.function.ToDoubleFunction<FeatureFrame> feature) {
    List<Double> values = new ArrayList<>();
    for (FeatureFrame f : frames) {
      if (f.timeS() >= fromS && f.timeS() < toS && f.f0Hz() > 0) {
        values.add(feature.applyAsDouble(f));
      }
    }
    if (values.isEmpty()) {
      return Double.NaN;
    }
    values.sort(null);
    return values.get(values.size() / 2);
  }

  /** A readable list of the events, for assertion messages. */
  String describe() {
    StringBuilder out = new StringBuilder();
    for (AlertEvent e : events) {
      out.append(
          String.format(
              "%n  %6d ms %s %s %s %s %s",
              e.mediaTimeMs(),
              e.kind().wireName(),
              e.leg() == null ? "-" : e.leg().wireName(),
              e.state().wireName(),
              e.severity().wireName(),
              e.evidence()));
    }
    return out.length() == 0 ? " (no events)" : out.toString();
  }
}
