package io.tonewatch.processor.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LegFeaturesTest {

  @Test
  void speechLevelIsTheLevelWhenThereIsNoFloor() {
    LegFeatures frame = new LegFeatures();
    frame.levelDbfs = -30; // 90 dB over the silence floor: a billionth of the power taken out
    assertEquals(-30, frame.speechLevelDbfs(), 1e-6);
  }

  @Test
  void speechLevelTakesTheFloorsPowerOut() {
    LegFeatures frame = new LegFeatures();
    frame.levelDbfs = -30;
    frame.noiseFloorDbfs = -40; // a tenth of the frame's power is noise
    assertEquals(-30 + 10 * Math.log10(0.9), frame.speechLevelDbfs(), 1e-9);
  }

  @Test
  void aFrameAtTheFloorLosesAtMostTenDecibels() {
    LegFeatures frame = new LegFeatures();
    frame.levelDbfs = -30;
    frame.noiseFloorDbfs = -29;
    assertEquals(-40, frame.speechLevelDbfs(), 1e-9);
  }
}
