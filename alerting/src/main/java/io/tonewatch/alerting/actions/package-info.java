/**
 * Actions on the call platform (whisper, barge, transfer to a specialist) behind one interface,
 * with an adapter per platform: Asterisk AMI, FreeSWITCH event socket, Twilio REST, and a signed
 * webhook.
 */
package io.tonewatch.alerting.actions;
