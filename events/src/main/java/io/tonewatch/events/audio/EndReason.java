package io.tonewatch.events.audio;

/** Why a call's audio ended. */
public enum EndReason {
  /** The platform said so (control API DELETE, WebSocket stop, AudioSocket hangup). */
  HANGUP,
  /** No media arrived on any leg for the configured timeout. */
  MEDIA_TIMEOUT,
  /** The ingest service shut down while the call was live. */
  SHUTDOWN
}
