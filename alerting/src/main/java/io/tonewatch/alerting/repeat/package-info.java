/**
 * Repeat callers: who escalated recently, keyed by the keyed hash of the caller's number (never the
 * number), kept on a compacted topic so it survives restarts, and the routing hint a call platform
 * asks for at call start.
 */
package io.tonewatch.alerting.repeat;
