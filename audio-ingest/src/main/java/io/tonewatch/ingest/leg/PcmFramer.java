package io.tonewatch.ingest.leg;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.sink.FrameSink;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts one leg's PCM, in chunks of any size, into numbered 20 ms frames: for every transport, RTP
 * (decoded packets and the jitter buffer's filled-in gaps) as well as WebSocket and AudioSocket. A
 * frame that holds any filled-in sample is flagged concealed. Gaps are filled with silence: the
 * detector ignores concealed frames, and silence invents no energy or pitch for anything that does
 * look at them, where a faded copy of the last frame would. Owned by one thread at a time (the
 * stream's receive thread or the connection's); holds at most one partial frame.
 */
public final class PcmFramer {
  private final String callId;
  private final Leg leg;
  private final FrameSink sink;
  private final IngestMetrics metrics;
  private short[] pending = new short[AudioFrame.SAMPLES];
  private int pendingCount;
  private boolean pendingConcealed;
  private long frames;
  private long concealedFrames;

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
      emitIfFull();
    }
  }

  /**
   * Appends channel {@code channel} of {@code samples} interleaved sample frames of {@code
   * channels} channels in {@code pcm} (e.g. one leg of a stereo RTP stream).
   */
  void onInterleaved(short[] pcm, int channel, int channels, int samples) {
    int read = channel;
    for (int i = 0; i < samples; i++) {
      pending[pendingCount++] = pcm[read];
      read += channels;
      emitIfFull();
    }
  }

  /** Fills {@code samples} samples of lost audio with silence, flagging their frames concealed. */
  void conceal(int samples) {
    int left = samples;
    while (left > 0) {
      int n = Math.min(left, AudioFrame.SAMPLES - pendingCount);
      Arrays.fill(pending, pendingCount, pendingCount + n, (short) 0);
      pendingCount += n;
      pendingConcealed = true;
      left -= n;
      emitIfFull();
    }
  }

  /**
   * Fills {@code frames} whole frames of lost audio with silence, flagged concealed, for transports
   * that report a gap in frames (e.g. a media chunk number that skips). A partial frame is
   * completed first, as the first of them.
   */
  public void onGap(int frames) {
    if (frames > 0) {
      conceal(frames * AudioFrame.SAMPLES - pendingCount);
    }
  }

  /** Ends the leg: a trailing partial frame is padded with silence so no audio is lost. */
  public void finish() {
    if (pendingCount > 0) {
      Arrays.fill(pending, pendingCount, AudioFrame.SAMPLES, (short) 0);
      pendingCount = AudioFrame.SAMPLES;
      emitIfFull();
    }
  }

  /** Frames emitted so far. */
  public long frames() {
    return frames;
  }

  /** Frames emitted flagged concealed. */
  long concealedFrames() {
    return concealedFrames;
  }

  private void emitIfFull() {
    if (pendingCount < AudioFrame.SAMPLES) {
      return;
    }
    short[] samples = pending;
    boolean concealed = pendingConcealed;
    pending = new short[AudioFrame.SAMPLES]; // the frame keeps its array
    pendingCount = 0;
    pendingConcealed = false;
    sink.accept(
        new AudioFrame(callId, leg, frames, frames * AudioFrame.FRAME_MILLIS, concealed, samples));
    frames++;
    if (concealed) {
      concealedFrames++;
    }
    metrics.frame(concealed);
  }
}
