package io.tonewatch.alerting.view;

import io.tonewatch.events.ActionOutcome;

/**
 * What became of an action: recorded on the actions topic unless refused.
 *
 * @param actionId the recorded action's id; null when refused
 * @param outcome done, started on the call platform, or failed
 * @param detail why it failed or was refused, in words; null when it went through
 * @param refused true when the viewer may not act on this call or the alert is unknown
 */
public record ActionResult(
    String actionId, ActionOutcome outcome, String detail, boolean refused) {}
