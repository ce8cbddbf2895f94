package io.tonewatch.alerting.view;

/**
 * Something changed that open pages should show: pushed to them as a server-sent event.
 *
 * @param topic what changed: {@code call}, {@code meter}, {@code alert}, {@code history}
 * @param callId the call it concerns
 * @param team the call's team, so a page only gets its viewer's changes
 */
public record ViewChange(String topic, String callId, String team) {}
