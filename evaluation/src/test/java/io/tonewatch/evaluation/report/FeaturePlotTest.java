package io.tonewatch.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import io.tonewatch.processor.engine.FeatureFrame;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturePlotTest {

  private static List<FeatureFrame> frames(double f0Hz) {
    List<FeatureFrame> frames = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      boolean speech = i % 100 < 60;
      double t = i * 0.02 + 0.01;
      frames.add(
          new FeatureFrame(
              t,
              speech ? f0Hz + i % 7 : 0,
              speech ? -25 : -60,
              speech ? -5 : 0,
              speech ? 15 : 0,
              speech,
              false,
              i > 300 ? 1.4 : 0.2,
              i > 300));
    }
    return frames;
  }

  @Test
  void drawsAHeaderACallStripAndFourPanelsPerLegAtTheFigureWidth() {
    BufferedImage image =
        FeaturePlot.render(
            Calls.analysis(
                10,
                List.of(
                    Calls.raised("a", Leg.CUSTOMER, AlertState.OPENED, Severity.SHOUTING, 6_000)),
                Map.of(Leg.CUSTOMER, frames(120), Leg.AGENT, frames(200))));
    assertEquals(1400, image.getWidth());
    assertTrue(image.getHeight() > 1000, "two legs of four panels: " + image.getHeight());
  }

  @Test
  void drawsALegWithoutFeaturesAsEmptyPanels() {
    BufferedImage image = FeaturePlot.render(Calls.analysis(3, List.of(), Map.of()));
    assertEquals(1400, image.getWidth());
  }
}
