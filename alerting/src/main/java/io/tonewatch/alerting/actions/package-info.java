/**
 * Planned: whisper and barge through the call platform (Asterisk AMI, FreeSWITCH ESL, Twilio) and
 * outgoing webhooks.
 */
package io.tonewatch.alerting.actions;
