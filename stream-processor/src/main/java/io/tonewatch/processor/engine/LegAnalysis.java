package io.tonewatch.processor.engine;

import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.detect.RaisedVoiceDetector;
import io.tonewatch.processor.engine.features.LegFeatureExtractor;
import io.tonewatch.processor.engine.features.LegFeatures;

/**
 * One leg inside a {@link CallAnalyzer}: its feature extractor and raised-voice detector, and a
 * short history of per-frame speech and raised flags for the call-level detectors, indexed by frame
 * number. Owned by the analyser's thread.
 */
final class LegAnalysis {
  /** Frames of history kept for call-level decisions (about 5 s): how far the legs may drift. */
  static final int HISTORY_FRAMES = 256;

  final Leg leg;
  private final LegFeatureExtractor extractor;
  private final RaisedVoiceDetector detector;
  private final boolean[] speech = new boolean[HISTORY_FRAMES];
  private final boolean[] raised = new boolean[HISTORY_FRAMES];
  private long frames;

  LegAnalysis(Leg leg, LegFeatureExtractor extractor, RaisedVoiceDetector detector) {
    this.leg = leg;
    this.extractor = extractor;
    this.detector = detector;
  }

  /** Analyses one frame and returns its features (reused on the next call). */
  LegFeatures accept(short[] samples, int offset, int count, boolean concealed) {
    LegFeatures features = extractor.accept(samples, offset, count, concealed);
    frames++;
    detector.accept(features, mediaTimeMs());
    int slot = (int) ((frames - 1) % HISTORY_FRAMES);
    speech[slot] = features.speech;
    raised[slot] = detector.raised();
    return features;
  }

  long frames() {
    return frames;
  }

  /** Media time at the end of the newest frame. */
  long mediaTimeMs() {
    return frames * CallAnalyzer.FRAME_MILLIS;
  }

  /** Speech flag of frame {@code index} (0-based), false once it has left the history. */
  boolean speechAt(long index) {
    return inHistory(index) && speech[(int) (index % HISTORY_FRAMES)];
  }

  boolean raisedAt(long index) {
    return inHistory(index) && raised[(int) (index % HISTORY_FRAMES)];
  }

  private boolean inHistory(long index) {
    return index < frames && index >= frames - HISTORY_FRAMES;
  }

  RaisedVoiceDetector detector() {
    return detector;
  }
}
