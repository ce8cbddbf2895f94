/**
 * Whisper, barge and transfer through FreeSWITCH's inbound event socket: {@code api originate} of
 * the supervisor's endpoint into {@code eavesdrop}, and {@code uuid_transfer}.
 */
package io.tonewatch.alerting.actions.freeswitch;
