package io.tonewatch.alerting.view;

import java.time.Instant;

/**
 * One line of the history view: an alert's step or an action, in time order.
 *
 * @param at when it happened
 * @param callId the call
 * @param team the call's team
 * @param what a short type, e.g. "alert raised", "whisper started", "false alarm"
 * @param actor who did it, or "system"
 * @param detail the evidence or the outcome in words; may be empty
 */
public record HistoryEntry(
    Instant at, String callId, String team, String what, String actor, String detail) {}
