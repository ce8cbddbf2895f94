package io.tonewatch.processor.engine;

import java.time.Clock;
import java.time.Instant;

/**
 * Gives the wall-clock time of a decision taken at a media time. Live services use the real clock;
 * offline analysis anchors media time to a start instant so the same file always gives the same
 * events.
 */
@FunctionalInterface
public interface WallClock {
  Instant at(long mediaTimeMs);

  static WallClock of(Clock clock) {
    return mediaTimeMs -> clock.instant();
  }

  static WallClock anchoredAt(Instant mediaStart) {
    return mediaStart::plusMillis;
  }
}
