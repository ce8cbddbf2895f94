package io.tonewatch.media.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewatch.events.Leg;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegLayoutTest {

  @Test
  void mapsMonoToTheCustomerAndStereoToCustomerThenAgent() {
    assertEquals(List.of(Leg.CUSTOMER), LegLayout.standard(1).legsByChannel());
    assertEquals(List.of(Leg.CUSTOMER, Leg.AGENT), LegLayout.standard(2).legsByChannel());
  }

  @Test
  void swapsTheLegsOfAStereoLayout() {
    assertEquals(List.of(Leg.AGENT, Leg.CUSTOMER), LegLayout.standard(2).swapped().legsByChannel());
    assertEquals(
        "agent = channel 1, customer = channel 2", LegLayout.standard(2).swapped().describe());
  }

  @Test
  void parsesLegNamesCaseInsensitively() {
    assertEquals(
        List.of(Leg.AGENT, Leg.CUSTOMER), LegLayout.parse("Agent, customer").legsByChannel());
    assertEquals(List.of(Leg.AGENT), LegLayout.parse("agent").legsByChannel());
  }

  @Test
  void rejectsTheSameLegTwiceUnknownLegsAndMoreThanTwoChannels() {
    assertThrows(IllegalArgumentException.class, () -> LegLayout.parse("agent,agent"));
    assertThrows(IllegalArgumentException.class, () -> LegLayout.parse("caller"));
    assertThrows(IllegalArgumentException.class, () -> LegLayout.parse("agent,customer,agent"));
    assertThrows(IllegalArgumentException.class, () -> LegLayout.standard(3));
  }
}
