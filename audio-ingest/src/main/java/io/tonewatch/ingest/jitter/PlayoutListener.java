package io.tonewatch.ingest.jitter;

/**
 * Receives a stream's media from its {@link AdaptiveJitterBuffer} in playout order: audio packets
 * to decode, and gaps to fill. Called on the stream's thread.
 */
public interface PlayoutListener {

  /**
   * One audio packet's payload {@code buf[offset..offset+length)} of {@code samples} samples per
   * channel, next on the timeline. The buffer is only valid during the call.
   */
  void onAudio(int payloadType, byte[] buf, int offset, int length, int samples);

  /** {@code samples} samples per channel of lost (or event-only) audio, to fill in. */
  void onConceal(int samples);
}
