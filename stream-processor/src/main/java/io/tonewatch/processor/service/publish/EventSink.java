package io.tonewatch.processor.service.publish;

import io.tonewatch.events.AlertEvent;
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

  /** Publishes one leg's summary of a second. */
  void summary(LegSummary summary, CallHold hold);
}
