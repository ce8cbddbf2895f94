package io.tonewatch.ingest.leg;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.ingest.sink.FrameSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every frame handed to it, for tests. */
final class RecordingSink implements FrameSink {
  final List<AudioFrame> frames = new ArrayList<>();

  @Override
  public void accept(AudioMessage message) {
    frames.add((AudioFrame) message);
  }

  List<AudioFrame> of(Leg leg) {
    return frames.stream().filter(f -> f.leg() == leg).toList();
  }

  /** All samples of {@code leg}'s frames, in order. */
  short[] samples(Leg leg) {
    List<AudioFrame> legFrames = of(leg);
    short[] all = new short[legFrames.size() * AudioFrame.SAMPLES];
    for (int i = 0; i < legFrames.size(); i++) {
      System.arraycopy(
          legFrames.get(i).samples(), 0, all, i * AudioFrame.SAMPLES, AudioFrame.SAMPLES);
    }
    return all;
  }

  long concealed(Leg leg) {
    return of(leg).stream().filter(AudioFrame::concealed).count();
  }
}
