package io.tonewatch.processor.service.calls;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.Leg;
import io.tonewatch.events.LegSummary;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.processor.engine.CallAnalyzer;
import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.engine.FeatureFrame;
import io.tonewatch.processor.service.offsets.CallHold;
import io.tonewatch.processor.service.publish.EventSink;
import java.time.Instant;

/**
 * One call being analysed: its engine, its two leg summarisers and its commit hold. Wall-clock
 * times of its events come from the record times of its frames (capture time minus media time), so
 * a call replayed from the log yields the same events, field for field. Owned by one engine thread.
 */
final class LiveCall {
  private final String callId;
  private final CallHold hold;
  private final EventSink sink;
  private final CallAnalyzer analyzer;
  private final LegSummarizer customer;
  private final LegSummarizer agent;
  private final long startedEpochMs;
  private long mediaAnchorEpochMs = -1;
  private long captureEpochMs = -1;
  private long lastMediaNanos;

  LiveCall(
      CallStarted started,
      CallHold hold,
      EventSink sink,
      DetectorSettings settings,
      boolean summaries,
      long nowNanos) {
    this.callId = started.callId();
    this.hold = hold;
    this.sink = sink;
    this.startedEpochMs = started.startedAt().toEpochMilli();
    this.lastMediaNanos = nowNanos;
    this.customer = summaries ? new LegSummarizer(callId, Leg.CUSTOMER, this::wallClock) : null;
    this.agent = summaries ? new LegSummarizer(callId, Leg.AGENT, this::wallClock) : null;
    this.analyzer =
        new CallAnalyzer(
            callId, settings, this::wallClock, this::onAlert, summaries ? this::onFeatures : null);
  }

  String callId() {
    return callId;
  }

  CallHold hold() {
    return hold;
  }

  long lastMediaNanos() {
    return lastMediaNanos;
  }

  /** Analyses one frame captured at {@code recordEpochMs}. */
  void onFrame(AudioFrame frame, long recordEpochMs, long nowNanos) {
    if (mediaAnchorEpochMs < 0) {
      mediaAnchorEpochMs = recordEpochMs - frame.mediaTimeMs();
    }
    captureEpochMs = recordEpochMs;
    lastMediaNanos = nowNanos;
    analyzer.onFrame(frame.leg(), frame.samples(), 0, frame.concealed());
  }

  /**
   * Closes every open episode and the last summaries, then lets the hold go once all is acked.
   *
   * @param captureEpochMs record time of the end, or -1 for a media timeout
   * @param reason why the call ended, for its end record
   */
  void finish(long captureEpochMs, String reason) {
    long endEpochMs = captureEpochMs >= 0 ? captureEpochMs : this.captureEpochMs;
    this.captureEpochMs = captureEpochMs;
    analyzer.finish();
    if (customer != null) {
      publish(customer.flush());
      publish(agent.flush());
    }
    Instant endedAt = endEpochMs >= 0 ? Instant.ofEpochMilli(endEpochMs) : wallClock(0);
    sink.call(CallRecord.ended(callId, endedAt, reason), hold);
    hold.finish();
  }

  private Instant wallClock(long mediaTimeMs) {
    long anchor = mediaAnchorEpochMs >= 0 ? mediaAnchorEpochMs : startedEpochMs;
    return Instant.ofEpochMilli(anchor + mediaTimeMs);
  }

  private void onAlert(AlertEvent event) {
    sink.alert(event, hold, captureEpochMs);
  }

  private void onFeatures(Leg leg, FeatureFrame frame) {
    publish((leg == Leg.CUSTOMER ? customer : agent).accept(frame));
  }

  private void publish(LegSummary summary) {
    if (summary != null) {
      sink.summary(summary, hold);
    }
  }
}
