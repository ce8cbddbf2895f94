package io.tonewatch.alerting.actions;

import java.util.Map;
import java.util.Objects;

/**
 * What to ask of the call platform.
 *
 * @param kind whisper, barge or transfer
 * @param callId tonewatch's call id
 * @param supervisor the user who asked; their endpoint comes from the adapter's configuration
 * @param callMetadata the call's registration metadata, where adapters find the platform's own ids
 *     (e.g. {@code channel} for Asterisk, {@code uuid} for FreeSWITCH, {@code callSid} and {@code
 *     conferenceSid} for Twilio)
 * @param target for a transfer, where to (a specialist queue or extension); null otherwise
 */
public record PlatformCommand(
    Kind kind, String callId, String supervisor, Map<String, String> callMetadata, String target) {

  /** The actions a call platform performs. */
  public enum Kind {
    WHISPER,
    BARGE,
    TRANSFER
  }

  public PlatformCommand {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(callId, "callId");
    callMetadata = Map.copyOf(callMetadata);
  }
}
