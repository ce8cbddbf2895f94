package io.tonewatch.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.processor.engine.FeatureFrame;
import org.junit.jupiter.api.Test;

class LegTraceTest {

  private static FeatureFrame frame(int index) {
    double f0Hz = index % 2 == 0 ? 150 : 0;
    return new FeatureFrame(index * 0.02, f0Hz, -20, -5, 10, true, false, 0.5, false);
  }

  @Test
  void keepsACallOfUpToItsCapacityWhole() {
    LegTrace trace = new LegTrace();
    for (int i = 0; i < LegTrace.CAPACITY; i++) {
      trace.add(frame(i));
    }
    assertEquals(LegTrace.CAPACITY, trace.frames.size());
    assertEquals(LegTrace.CAPACITY / 2, trace.voiced.size());
    double[] timeS = trace.frames.column(0, 1);
    assertEquals((LegTrace.CAPACITY - 1) * 0.02, timeS[timeS.length - 1], 1e-9);
  }

  @Test
  void thinsALongerCallEvenlyWithinTheCapacity() {
    LegTrace trace = new LegTrace();
    int frames = 5 * LegTrace.CAPACITY + 123;
    for (int i = 0; i < frames; i++) {
      trace.add(frame(i));
    }
    int kept = trace.frames.size();
    assertTrue(kept <= LegTrace.CAPACITY && kept > LegTrace.CAPACITY / 2, "kept " + kept);
    double[] timeS = trace.frames.column(0, 1);
    double stepS = timeS[1] - timeS[0];
    for (int i = 1; i < timeS.length; i++) {
      assertEquals(stepS, timeS[i] - timeS[i - 1], 1e-6, "frame " + i);
    }
    // spans the whole call: the last kept frame is within one step of the end
    assertTrue((frames - 1) * 0.02 - timeS[timeS.length - 1] < stepS, "" + timeS[kept - 1]);
    assertTrue(trace.voiced.size() <= LegTrace.CAPACITY);
  }
}
