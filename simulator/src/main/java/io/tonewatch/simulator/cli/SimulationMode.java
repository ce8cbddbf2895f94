package io.tonewatch.simulator.cli;

/** How simulate hands call media to the service: which platform it plays. */
public enum SimulationMode {
  /** RTP to ports the control API answers (or static-mode ports). */
  RTP,
  /** Twilio Media Streams over a WebSocket, one per call. */
  WEBSOCKET,
  /** Asterisk AudioSocket over TCP, one connection per leg. */
  AUDIOSOCKET
}
