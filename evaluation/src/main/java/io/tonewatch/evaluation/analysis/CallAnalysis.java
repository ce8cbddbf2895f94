package io.tonewatch.evaluation.analysis;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.media.call.CallInfo;
import java.util.List;
import java.util.Objects;

/**
 * What the engine made of one recorded call.
 *
 * @param callId the call id the events carry
 * @param audio the analysed recording, without its samples
 * @param events alert events in decision order
 */
public record CallAnalysis(String callId, CallInfo audio, List<AlertEvent> events) {

  public CallAnalysis {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(audio, "audio");
    events = List.copyOf(events);
  }
}
