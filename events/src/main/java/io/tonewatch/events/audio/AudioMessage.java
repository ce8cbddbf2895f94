package io.tonewatch.events.audio;

/**
 * A message on the audio topic, keyed by call id so that both legs of a call and its start and end
 * land on one partition, in order.
 */
public sealed interface AudioMessage permits AudioFrame, FrameBatch, CallStarted, CallEnded {

  /** The call this message belongs to; also the Kafka record key. */
  String callId();
}
