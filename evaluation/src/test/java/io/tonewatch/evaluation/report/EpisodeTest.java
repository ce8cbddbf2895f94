package io.tonewatch.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeTest {

  @Test
  void pairsEventsByAlertIdAndKeepsThePeakSeverity() {
    List<Episode> episodes =
        Episode.fromEvents(
            List.of(
                Calls.raised("a", Leg.AGENT, AlertState.OPENED, Severity.RAISED, 1_000),
                Calls.raised("b", Leg.CUSTOMER, AlertState.OPENED, Severity.RAISED, 2_000),
                Calls.raised("a", Leg.AGENT, AlertState.UPDATED, Severity.SHOUTING, 3_000),
                Calls.raised("a", Leg.AGENT, AlertState.CLOSED, Severity.RAISED, 4_000),
                Calls.raised("b", Leg.CUSTOMER, AlertState.CLOSED, Severity.RAISED, 5_000)),
            60);
    assertEquals(
        List.of(
            new Episode("a", AlertKind.RAISED_VOICE, Leg.AGENT, 1.0, 4.0, Severity.SHOUTING),
            new Episode("b", AlertKind.RAISED_VOICE, Leg.CUSTOMER, 2.0, 5.0, Severity.RAISED)),
        episodes);
  }

  @Test
  void endsAnEpisodeThatNeverClosedAtTheEndOfTheCall() {
    List<Episode> episodes =
        Episode.fromEvents(
            List.of(Calls.raised("a", Leg.AGENT, AlertState.OPENED, Severity.RAISED, 1_000)), 42.5);
    assertEquals(42.5, episodes.get(0).endS());
  }

  @Test
  void ignoresUpdatesAndClosesOfEpisodesItNeverSawOpen() {
    List<Episode> episodes =
        Episode.fromEvents(
            List.of(Calls.raised("x", Leg.AGENT, AlertState.CLOSED, Severity.RAISED, 1_000)), 10);
    assertEquals(List.of(), episodes);
  }
}
