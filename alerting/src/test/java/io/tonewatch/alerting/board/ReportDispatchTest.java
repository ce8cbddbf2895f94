package io.tonewatch.alerting.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.alerting.actions.NoPlatform;
import io.tonewatch.alerting.escalation.Calls;
import io.tonewatch.alerting.view.IncidentReport;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Notification;
import io.tonewatch.events.Severity;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** An escalated call's report goes out once, when the call ends, and only while live. */
class ReportDispatchTest {
  private final Board board =
      new Board(100, Clock.fixed(Calls.at(60), ZoneOffset.UTC), hash -> Optional.empty());
  private final BoardView view =
      new BoardView(
          board,
          new IncidentReports(LadderStep.WHISPER_SUGGESTED),
          new ActionDesk(board, a -> {}, new NoPlatform(), "specialists", Clock.systemUTC()));
  private final List<Object> sent = new ArrayList<>();
  private final AtomicBoolean live = new AtomicBoolean(true);

  ReportDispatchTest() {
    board.subscribe(new ReportDispatch(view, (type, report) -> sent.add(report), live::get));
  }

  private void escalate(String callId, LadderStep step) {
    board.onCall(CallRecord.started(callId, Calls.T0, Map.of("team", "north")));
    board.onAlert(
        Calls.event(
            callId,
            AlertKind.RAISED_VOICE,
            Leg.CUSTOMER,
            1,
            AlertState.OPENED,
            Severity.RAISED,
            2));
    String alertId = callId + ":raised_voice:customer:1";
    board.onNotification(Notification.of(alertId, callId, step, 1, Calls.at(14), "whisper?"));
  }

  @Test
  void anEscalatedCallIsReportedOnceWhenItEnds() {
    escalate("c1", LadderStep.WHISPER_SUGGESTED);
    assertTrue(sent.isEmpty(), "not while the call is on");
    board.onCall(CallRecord.ended("c1", Calls.at(50), "hangup"));
    board.onCall(CallRecord.ended("c1", Calls.at(50), "hangup"));
    assertEquals(1, sent.size());
    IncidentReport report = (IncidentReport) sent.get(0);
    assertEquals("c1", report.callId());
    assertTrue(report.crmNote().contains("customer's voice was raised"), report.crmNote());
    assertTrue(report.crmNote().contains("whisper suggested"), report.crmNote());
  }

  @Test
  void aCallThatOnlyGotTheCueAndReplayedCallsAreNotReported() {
    escalate("c2", LadderStep.AGENT_CUE);
    board.onCall(CallRecord.ended("c2", Calls.at(50), "hangup"));
    live.set(false);
    escalate("c3", LadderStep.BARGE_SUGGESTED);
    board.onCall(CallRecord.ended("c3", Calls.at(50), "hangup"));
    assertTrue(sent.isEmpty(), sent.toString());
  }
}
