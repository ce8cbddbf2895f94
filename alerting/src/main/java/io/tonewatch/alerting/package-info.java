/**
 * Turns alert events into a supervisor console, escalation, whisper and barge, and an audit trail.
 */
package io.tonewatch.alerting;
