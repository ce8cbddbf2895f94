package io.tonewatch.processor.service.publish;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.LegSummary;
import io.tonewatch.processor.service.offsets.CallHold;

/**
 * Where the engine threads put what they decide. Each event counts against its call's hold until
 * the broker acknowledges it. Called from engine threads; implementations are thread-safe.
 */
public interface EventSink {
  /**
   * Publishes an alert event.
   *
   * @param captureEpochMs capture time of the frame that led to the decision (its record time), or
   *     -1 when the decision was not led by a frame (a media timeout)
   */
  void alert(AlertEvent event, CallHold hold, long captureEpochMs);

  /** Publishes a call's start or end, with its metadata, for consumers that do not read audio. */
  void call(CallRecord record, CallHold hold);

  /** Publishes one leg's summary of a second. */
  void summary(LegSummary summary, CallHold hold);
}
