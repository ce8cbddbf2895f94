package io.tonewatch.alerting.view;

import io.tonewatch.events.Leg;
import java.time.Instant;
import java.util.Map;

/**
 * A call in progress as the console lists it. Metadata comes from the call's registration; the
 * caller's number is never here, only its masked form.
 *
 * @param callId the call
 * @param team the team it is routed to; null when the registration named none
 * @param queue the queue it came through; null when unknown
 * @param agentId the agent on the call; null when unknown
 * @param callerMasked the caller's number masked (e.g. {@code ******1234}); null when unknown
 * @param startedAt when the call started
 * @param ladderStep the current escalation step's wire name; null when calm
 * @param repeatCaller a note when this caller escalated recently (e.g. "escalated 2 days ago");
 *     null otherwise
 * @param meters the latest meter per leg
 * @param metadata the rest of the registration metadata, for display (to be escaped)
 */
public record LiveCall(
    String callId,
    String team,
    String queue,
    String agentId,
    String callerMasked,
    Instant startedAt,
    String ladderStep,
    String repeatCaller,
    Map<Leg, LegMeter> meters,
    Map<String, String> metadata) {

  public LiveCall {
    meters = Map.copyOf(meters);
    metadata = Map.copyOf(metadata);
  }
}
