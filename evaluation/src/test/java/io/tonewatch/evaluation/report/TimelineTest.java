package io.tonewatch.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

  @Test
  void writesOneAlignedLineWithTheEvidenceDeltas() {
    assertEquals(
        "00:41.84  customer  raised_voice       opened   raised    "
            + "f0 +6.1 st  level +4.2 dB  tilt +7.9 dB  hammarberg -6.5 dB  score 1.50",
        Timeline.line(Calls.raised("a", Leg.CUSTOMER, AlertState.OPENED, Severity.RAISED, 41_840)));
  }

  @Test
  void showsOvertalkAsOverlapAndCallLevelKindsUnderCall() {
    String line =
        Timeline.line(
            Calls.event(
                "o",
                null,
                AlertKind.OVERTALK,
                AlertState.OPENED,
                Severity.ELEVATED,
                5_000,
                new Evidence(0, 0, 0, 0, 0, 0, 2.04)));
    assertEquals("00:05.00  call      overtalk           opened   elevated  overlap 2.0 s", line);
  }

  @Test
  void formatsMediaTimeAsMinutesOrHours() {
    assertEquals("00:00.00", Timeline.clock(0));
    assertEquals("01:05.31", Timeline.clock(65_305));
    assertEquals("59:59.99", Timeline.clock(3_599_990));
    assertEquals("1:00:00.00", Timeline.clock(3_600_000));
  }

  @Test
  void summarisesEpisodesAndRaisedTimePerLeg() {
    StringWriter text = new StringWriter();
    Timeline.print(
        Calls.analysis(
            60,
            List.of(
                Calls.raised("a", Leg.CUSTOMER, AlertState.OPENED, Severity.RAISED, 10_000),
                Calls.raised("a", Leg.CUSTOMER, AlertState.UPDATED, Severity.SHOUTING, 11_000),
                Calls.raised("a", Leg.CUSTOMER, AlertState.CLOSED, Severity.SHOUTING, 14_500),
                Calls.raised("b", Leg.CUSTOMER, AlertState.OPENED, Severity.RAISED, 50_000)),
            Map.of()),
        new PrintWriter(text));
    String out = text.toString();
    assertTrue(out.startsWith("call      call  (call.wav)\n"), out);
    assertTrue(
        out.contains("duration  01:00.00  legs: customer = channel 1, agent = channel 2"), out);
    // 4.5 s closed + 10 s still open at the end of the call
    assertTrue(out.contains("  customer  raised_voice        2 episodes   14.5 s"), out);
    assertTrue(out.contains("  agent     raised_voice        0 episodes    0.0 s"), out);
  }

  @Test
  void saysSoWhenThereAreNoAlerts() {
    StringWriter text = new StringWriter();
    Timeline.print(Calls.analysis(5, List.of(), Map.of()), new PrintWriter(text));
    assertTrue(text.toString().contains("\nno alerts\n"), text.toString());
  }
}
