package io.tonewatch.ingest.leg;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.sink.FrameSink;
import java.util.Objects;

/**
 * Cuts a leg's in-order PCM (from a reliable transport: WebSocket, AudioSocket) of any chunk size
 * into numbered 20 ms frames. Owned by one thread at a time (the connection's); holds at most one
 * partial frame.
 */
public final class PcmFramer {
  private final String callId;
  private final Leg leg;
  private final FrameSink sink;
  private final IngestMetrics metrics;
  private short[] pending = new short[AudioFrame.SAMPLES];
  private int pendingCount;
  private long sequence;

  public PcmFramer(String callId, Leg leg, FrameSink sink, IngestMetrics metrics) {
    this.callId = Objects.requireNonNull(callId, "callId");
    this.leg = Objects.requireNonNull(leg, "leg");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Appends {@code count} samples from {@code pcm[offset..]}, emitting each frame it completes. */
  public void onSamples(short[] pcm, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, pcm.length);
    int read = offset;
    int end = offset + count;
    while (read < end) {
      int n = Math.min(end - read, AudioFrame.SAMPLES - pendingCount);
      System.arraycopy(pcm, read, pending, pendingCount, n);
      pendingCount += n;
      read += n;
      if (pendingCount == AudioFrame.SAMPLES) {
        emit(false);
      }
    }
  }

  /**
   * Fills {@code frames} whole frames of lost audio with silence, flagged concealed, for transports
   * that report a gap (e.g. a media chunk number that skips). A partial frame is completed first.
   */
  public void onGap(int frames) {
    for (int i = 0; i < frames; i++) {
      java.util.Arrays.fill(pending, pendingCount, AudioFrame.SAMPLES, (short) 0);
      emit(true);
    }
  }

  /** Ends the leg: a trailing partial frame is padded with silence so no audio is lost. */
  public void finish() {
    if (pendingCount > 0) {
      java.util.Arrays.fill(pending, pendingCount, AudioFrame.SAMPLES, (short) 0);
      emit(false);
    }
  }

  /** Frames emitted so far. */
  public long frames() {
    return sequence;
  }

  private void emit(boolean concealed) {
    short[] samples = pending;
    pending = new short[AudioFrame.SAMPLES]; // the frame keeps its array
    pendingCount = 0;
    sink.accept(
        new AudioFrame(
            callId, leg, sequence, sequence * AudioFrame.FRAME_MILLIS, concealed, samples));
    sequence++;
    metrics.frame(concealed);
  }
}
