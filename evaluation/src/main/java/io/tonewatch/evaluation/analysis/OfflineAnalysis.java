package io.tonewatch.evaluation.analysis;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallStream;
import io.tonewatch.processor.engine.CallAnalyzer;
import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.engine.FeatureListener;
import io.tonewatch.processor.engine.WallClock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one recorded call through a fresh engine the way a live call arrives: legs interleaved frame
 * by frame (customer frame i, agent frame i, then frame i + 1), read from the file as they are
 * needed, so memory does not grow with the recording's length (only its alert events are kept). The
 * wall clock is anchored at the epoch so that the same file always gives the same events, byte for
 * byte.
 */
public final class OfflineAnalysis {

  private OfflineAnalysis() {}

  /**
   * Analyses {@code call} as call {@code callId}, reading it to its end.
   *
   * @param features receives every frame's features in the order the engine computes them, or null
   * @throws IOException when the recording cannot be read to its end
   */
  public static CallAnalysis run(String callId, CallStream call, FeatureListener features)
      throws IOException {
    return run(callId, call, features, DetectorSettings.defaults());
  }

  /**
   * Analyses {@code call} as {@link #run(String, CallStream, FeatureListener)}, deciding by {@code
   * settings}.
   */
  public static CallAnalysis run(
      String callId, CallStream call, FeatureListener features, DetectorSettings settings)
      throws IOException {
    List<AlertEvent> events = new ArrayList<>();
    CallAnalyzer analyzer =
        new CallAnalyzer(
            callId, settings, WallClock.anchoredAt(Instant.EPOCH), events::add, features);
    while (call.next()) {
      for (Leg leg : call.legs()) {
        analyzer.onFrame(leg, call.frame(leg), 0, false);
      }
    }
    analyzer.finish();
    return new CallAnalysis(callId, call.info(), events);
  }

  /** The default call id of a file: its name without the extension. */
  public static String callIdOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String id = dot > 0 ? fileName.substring(0, dot) : fileName;
    return id.isBlank() ? "call" : id;
  }
}
