/**
 * Whisper, barge and transfer through the Asterisk Manager Interface: Originate to the supervisor's
 * endpoint running ChanSpy on the agent's channel, and Redirect for a transfer.
 */
package io.tonewatch.alerting.actions.ami;
