package io.tonewatch.ingest.leg;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.sink.FrameSink;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts one leg's playout (decoded samples and filled-in gaps, any packet size) into numbered 20 ms
 * frames. A frame that holds any filled-in sample is flagged concealed. Gaps are filled with
 * silence: the detector ignores concealed frames, and silence invents no energy or pitch for
 * anything that does look at them, where a faded copy of the last frame would. Owned by the
 * stream's receive thread; holds at most one partial frame.
 */
final class RtpFramer {
  private final String callId;
  private final Leg leg;
  private final FrameSink sink;
  private final IngestMetrics metrics;
  private short[] pending = new short[AudioFrame.SAMPLES];
  private int pendingCount;
  private boolean pendingConcealed;
  private long frames;
  private long concealedFrames;

  RtpFramer(String callId, Leg leg, FrameSink sink, IngestMetrics metrics) {
    this.callId = Objects.requireNonNull(callId, "callId");
    this.leg = Objects.requireNonNull(leg, "leg");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Appends channel {@code channel} of {@code samples} interleaved frames in {@code pcm}. */
  void append(short[] pcm, int channel, int channels, int samples) {
    int read = channel;
    for (int i = 0; i < samples; i++) {
      pending[pendingCount++] = pcm[read];
      read += channels;
      if (pendingCount == AudioFrame.SAMPLES) {
        emit();
      }
    }
  }

  /** Fills {@code samples} samples of lost audio with silence. */
  void conceal(int samples) {
    int left = samples;
    while (left > 0) {
      int n = Math.min(left, AudioFrame.SAMPLES - pendingCount);
      Arrays.fill(pending, pendingCount, pendingCount + n, (short) 0);
      pendingCount += n;
      pendingConcealed = true;
      left -= n;
      if (pendingCount == AudioFrame.SAMPLES) {
        emit();
      }
    }
  }

  /** Ends the leg: a trailing partial frame is padded with silence so no audio is lost. */
  void finish() {
    if (pendingCount > 0) {
      Arrays.fill(pending, pendingCount, AudioFrame.SAMPLES, (short) 0);
      emit();
    }
  }

  long frames() {
    return frames;
  }

  long concealedFrames() {
    return concealedFrames;
  }

  private void emit() {
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
