/**
 * Planned: the escalation ladder per call (warn, warn again, supervisor) and acknowledgement, with
 * its clock injected.
 */
package io.tonewatch.alerting.escalation;
