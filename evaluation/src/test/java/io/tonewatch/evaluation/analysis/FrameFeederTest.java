package io.tonewatch.evaluation.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.call.LegLayout;
import io.tonewatch.processor.engine.CallAnalyzer;
import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.engine.WallClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameFeederTest {

  @Test
  void interleavesLegsFrameByFrameAndPadsTheLastPartialFrame() {
    int samples = CallAnalyzer.FRAME_SAMPLES * 3 + 40; // 3.25 frames
    CallAudio audio =
        new CallAudio(
            "c.wav",
            8000,
            LegLayout.standard(2),
            Map.of(Leg.AGENT, new short[samples], Leg.CUSTOMER, new short[samples]));
    List<Leg> order = new ArrayList<>();
    CallAnalyzer analyzer =
        new CallAnalyzer(
            "c",
            DetectorSettings.defaults(),
            WallClock.anchoredAt(Instant.EPOCH),
            event -> {},
            (leg, frame) -> order.add(leg));
    new FrameFeeder().feed(analyzer, audio);
    assertEquals(4, audio.frameCount());
    assertEquals(
        List.of(
            Leg.CUSTOMER,
            Leg.AGENT,
            Leg.CUSTOMER,
            Leg.AGENT,
            Leg.CUSTOMER,
            Leg.AGENT,
            Leg.CUSTOMER,
            Leg.AGENT),
        order);
  }

  @Test
  void namesACallAfterItsFileWithoutTheExtension() {
    assertEquals("esc_03_08", OfflineAnalysis.callIdOf("esc_03_08.wav"));
    assertEquals("a.b", OfflineAnalysis.callIdOf("a.b.wav"));
    assertEquals(".wav", OfflineAnalysis.callIdOf(".wav"));
    assertEquals("noext", OfflineAnalysis.callIdOf("noext"));
  }
}
