package io.tonewatch.processor;

import io.tonewatch.events.Leg;
import java.util.Objects;

/**
 * The engine for one call: fed 20 ms PCM frames of either leg, it emits alert events. Push-based
 * and single-threaded: one instance per call, called from one thread at a time; no thread or
 * stream of its own. Each leg's media time advances 20 ms per frame.
 */
public final class CallAnalyzer {
  public static final int SAMPLE_RATE_HZ = 8000;
  public static final int FRAME_SAMPLES = 160;
  public static final int FRAME_MILLIS = 20;
  public static final String ENGINE_VERSION = "tonewatch-engine/0.1.0";

  private final String callId;
  private final DetectorSettings settings;
  private final WallClock wallClock;
  private final AlertListener alerts;
  private final FeatureListener features;

  public CallAnalyzer(
      String callId,
      DetectorSettings settings,
      WallClock wallClock,
      AlertListener alerts,
      FeatureListener features) {
    this.callId = Objects.requireNonNull(callId, "callId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.features = features;
  }

  /**
   * Feeds one frame of {@link #FRAME_SAMPLES} 16-bit samples at 8 kHz starting at {@code offset}.
   * A concealed frame (loss filled in by the receiver) advances time but is not analysed.
   */
  public void onFrame(Leg leg, short[] samples, int offset, boolean concealed) {
    throw new UnsupportedOperationException("engine under construction");
  }

  /** Ends the call: closes every open episode at the end of the longer leg. */
  public void finish() {
    throw new UnsupportedOperationException("engine under construction");
  }
}
