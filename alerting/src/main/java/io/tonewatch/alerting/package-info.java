/**
 * Turns alert events into a supervisor console, escalation, whisper and barge, and an audit trail.
 * Planned: the packages below hold only their description until their code lands.
 */
package io.tonewatch.alerting;
