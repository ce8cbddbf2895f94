package io.tonewatch.ingest.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InterarrivalJitterTest {
  private static final long MS = 1_000_000L;

  @Test
  void matchesAHandComputedExample() {
    // 8 kHz clock, 20 ms packets (160 units). Arrivals at 0, 20, 50, 60 ms:
    // D2 = 160 - 160 = 0        J = 0
    // D3 = 240 - 160 = 80       J = 0 + (80 - 0) / 16 = 5
    // D4 = 80 - 160 = -80       J = 5 + (80 - 5) / 16 = 9.6875 units = 1.2109375 ms
    InterarrivalJitter jitter = new InterarrivalJitter(8000);
    jitter.update(0, 0);
    jitter.update(160, 20 * MS);
    assertEquals(0.0, jitter.jitterUnits(), 1e-9);
    jitter.update(320, 50 * MS);
    assertEquals(5.0, jitter.jitterUnits(), 1e-9);
    jitter.update(480, 60 * MS);
    assertEquals(9.6875, jitter.jitterUnits(), 1e-9);
    assertEquals(1.2109375, jitter.jitterMillis(), 1e-9);
  }

  @Test
  void takesTimestampDifferencesAcrossTheWrap() {
    InterarrivalJitter jitter = new InterarrivalJitter(8000);
    jitter.update(0xFFFF_FFFFL - 79, 0);
    jitter.update(80, 20 * MS); // 160 units later across the wrap, on time
    assertEquals(0.0, jitter.jitterUnits(), 1e-9);
  }

  @Test
  void restartForgetsThePreviousPacketButKeepsTheEstimate() {
    InterarrivalJitter jitter = new InterarrivalJitter(8000);
    jitter.update(0, 0);
    jitter.update(160, 30 * MS); // D = 80, J = 5
    jitter.restart();
    jitter.update(999_999, 31 * MS); // a new source: no D computed against the old one
    assertEquals(5.0, jitter.jitterUnits(), 1e-9);
  }
}
