package io.tonewatch.evaluation.analysis;

import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.processor.engine.CallAnalyzer;
import java.util.Arrays;
import java.util.Map;

/**
 * Pushes a recorded call through a {@link CallAnalyzer} the way a live call arrives: legs
 * interleaved frame by frame (customer frame i, agent frame i, then frame i + 1), the last partial
 * frame padded with silence.
 */
public final class FrameFeeder {

  private static final int FRAME = CallAnalyzer.FRAME_SAMPLES;

  // Padding buffer for the last frame only; owned by the thread that calls feed.
  private final short[] tail = new short[FRAME];

  /** Feeds every frame of {@code audio}; does not call {@link CallAnalyzer#finish()}. */
  public void feed(CallAnalyzer analyzer, CallAudio audio) {
    Map<Leg, short[]> legs = audio.samplesByLeg();
    int frames = audio.frameCount();
    for (int i = 0; i < frames; i++) {
      for (Map.Entry<Leg, short[]> leg : legs.entrySet()) {
        feedFrame(analyzer, leg.getKey(), leg.getValue(), i);
      }
    }
  }

  /** Feeds frame {@code index} of one leg, padding it with silence if the samples run out. */
  public void feedFrame(CallAnalyzer analyzer, Leg leg, short[] samples, int index) {
    int offset = index * FRAME;
    if (offset + FRAME <= samples.length) {
      analyzer.onFrame(leg, samples, offset, false);
    } else {
      int available = Math.max(0, samples.length - offset);
      System.arraycopy(samples, offset, tail, 0, available);
      Arrays.fill(tail, available, FRAME, (short) 0);
      analyzer.onFrame(leg, tail, 0, false);
    }
  }
}
