package io.tonewatch.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.call.LegLayout;
import io.tonewatch.simulator.rtp.StaticPorts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallScriptTest {

  private static CallAudio ramp(int samples) {
    short[] customer = new short[samples];
    for (int i = 0; i < samples; i++) {
      customer[i] = (short) (i + 1);
    }
    return new CallAudio("ramp.wav", 8000, LegLayout.standard(1), Map.of(Leg.CUSTOMER, customer));
  }

  @Test
  void repeatsTheRecordingSeamlesslyThenPadsTheLastFrameWithSilence() {
    // 250 samples played twice = 500 samples = 3 frames of 160 and 20 samples.
    CallScript script = new CallScript(1, "c", ramp(250), 500, 160, 0);
    assertEquals(4, script.frameCount());
    short[] second = script.frame(Leg.CUSTOMER, 1);
    assertEquals(161, second[0]);
    assertEquals(250, second[89]);
    assertEquals(1, second[90]); // the repeat starts
    short[] last = script.frame(Leg.CUSTOMER, 3);
    assertEquals(231, last[0]); // sample 480 = repeat's 230th
    assertEquals(250, last[19]);
    assertArrayEquals(new short[140], java.util.Arrays.copyOfRange(last, 20, 160));
  }

  @Test
  void aMonoRecordingIsOneCustomerLeg() {
    assertEquals(List.of(Leg.CUSTOMER), new CallScript(1, "c", ramp(10), 10, 160, 0).legs());
  }

  @Test
  void staticPortsPairCustomerOnPAndAgentOnPPlusTwoInGroupsOfFour() {
    assertEquals(40000, StaticPorts.rtpPort(40000, 1, Leg.CUSTOMER));
    assertEquals(40002, StaticPorts.rtpPort(40000, 1, Leg.AGENT));
    assertEquals(40004, StaticPorts.rtpPort(40000, 2, Leg.CUSTOMER));
    assertEquals(40010, StaticPorts.rtpPort(40000, 3, Leg.AGENT));
    assertEquals(40011, StaticPorts.highestPort(40000, 3));
  }
}
