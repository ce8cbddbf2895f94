/**
 * The escalation ladder per call (agent cue, second warning, supervisor, barge suggested), its
 * policy, acknowledgement and auto-resolve; free of I/O, with the time passed in.
 */
package io.tonewatch.alerting.escalation;
