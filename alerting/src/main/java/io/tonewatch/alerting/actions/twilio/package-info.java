/**
 * Whisper, barge and transfer through Twilio's REST API: the supervisor joins the call's conference
 * as a coaching participant, barge turns coaching off, and a transfer updates the customer's call.
 */
package io.tonewatch.alerting.actions.twilio;
