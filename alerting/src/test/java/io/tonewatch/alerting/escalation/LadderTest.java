package io.tonewatch.alerting.escalation;

import static io.tonewatch.alerting.escalation.Calls.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.events.Action;
import io.tonewatch.events.ActionType;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Notification;
import io.tonewatch.events.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ladder with the default policy (still raised 10 s, repeat 2 in 120 s, cue cooldown 30 s,
 * barge 20 s after a whisper, re-notify every 30 s up to 3 times, resolve 30 s after calm, call
 * idle 60 s) and the time moved by hand.
 */
class LadderTest {
  private final EscalationPolicy policy = AlertingConfig.defaults().policy();
  private final Ladder ladder = new Ladder(policy, 100);
  private final List<Notification> sent = new ArrayList<>();

  /** Evaluates at {@code seconds} and records what was due, as the service does. */
  private List<LadderStep> tick(double seconds) {
    Due due = ladder.evaluate(at(seconds));
    due.notifications().forEach(ladder::onNotification);
    due.resolutions().forEach(ladder::onAction);
    sent.addAll(due.notifications());
    return due.notifications().stream().map(Notification::step).toList();
  }

  private void feed(AlertEvent event) {
    ladder.onAlert(event);
  }

  @Test
  void aCustomersRaisedVoiceCuesTheAgentOnce() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 5));
    assertEquals(List.of(LadderStep.AGENT_CUE), tick(5));
    assertEquals(List.of(), tick(6));
    assertEquals(1, sent.get(0).attempt());
  }

  @Test
  void stillRaisedAfterTenSecondsGivesTheSecondWarningAndTellsTheSupervisor() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 5));
    tick(5);
    feed(customer("c1", 1, AlertState.UPDATED, Severity.RAISED, 9));
    assertEquals(List.of(), tick(14.9));
    assertEquals(
        List.of(LadderStep.SECOND_WARNING, LadderStep.WHISPER_SUGGESTED),
        tick(15).stream().sorted().toList());
    String whisper =
        sent.stream()
            .filter(n -> n.step() == LadderStep.WHISPER_SUGGESTED)
            .findFirst()
            .orElseThrow()
            .message();
    assertTrue(whisper.startsWith("customer: pitch +9 semitones, voice effort up"), whisper);
  }

  @Test
  void shoutingGoesToTheSecondWarningAtOnceWithoutAFirstCue() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.SHOUTING, 5));
    assertEquals(
        List.of(LadderStep.SECOND_WARNING, LadderStep.WHISPER_SUGGESTED),
        tick(5).stream().sorted().toList());
  }

  @Test
  void aRepeatedEpisodeSkipsThePoliteWarning() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 5));
    tick(5);
    feed(customer("c1", 1, AlertState.CLOSED, Severity.RAISED, 8));
    tick(8);
    feed(customer("c1", 2, AlertState.OPENED, Severity.RAISED, 60));
    assertEquals(
        List.of(LadderStep.SECOND_WARNING, LadderStep.WHISPER_SUGGESTED),
        tick(60).stream().sorted().toList());
  }

  @Test
  void noSecondCueWithinTheCooldownWhenRepeatsAreCountedHigher() {
    Ladder three = new Ladder(withRepeatCount(3), 10);
    three.onAlert(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 5));
    three.evaluate(at(5)).notifications().forEach(three::onNotification);
    three.onAlert(customer("c1", 1, AlertState.CLOSED, Severity.RAISED, 7));
    three.onAlert(customer("c1", 2, AlertState.OPENED, Severity.RAISED, 20));
    assertEquals(List.of(), three.evaluate(at(20)).notifications());
    three.onAlert(customer("c1", 2, AlertState.CLOSED, Severity.RAISED, 22));
    three.onAlert(customer("c1", 3, AlertState.OPENED, Severity.RAISED, 90));
    assertEquals(
        List.of(LadderStep.SECOND_WARNING, LadderStep.WHISPER_SUGGESTED),
        three.evaluate(at(90)).notifications().stream().map(Notification::step).sorted().toList());
  }

  @Test
  void theAgentsRaisedVoiceGoesToTheSupervisorAsAnAcousticFact() {
    feed(
        Calls.event(
            "c1", AlertKind.RAISED_VOICE, Leg.AGENT, 1, AlertState.OPENED, Severity.RAISED, 3));
    assertEquals(List.of(LadderStep.AGENT_VOICE_RAISED), tick(3));
    String message = sent.get(0).message();
    assertTrue(message.startsWith("agent: pitch +9 semitones"), message);
    assertTrue(message.contains("acoustic"), message);
    for (String label : List.of("angry", "anger", "upset", "emotion", "rude")) {
      assertFalse(message.toLowerCase().contains(label), message);
    }
  }

  @Test
  void theAgentLegCanBeSwitchedOff() {
    Ladder quiet = new Ladder(withAgentVoice(false), 10);
    quiet.onAlert(
        Calls.event(
            "c1", AlertKind.RAISED_VOICE, Leg.AGENT, 1, AlertState.OPENED, Severity.SHOUTING, 3));
    assertTrue(quiet.evaluate(at(3)).isEmpty());
  }

  @Test
  void mutualEscalationSuggestsBarge() {
    feed(
        Calls.event(
            "c1", AlertKind.MUTUAL_ESCALATION, null, 1, AlertState.OPENED, Severity.RAISED, 3));
    assertEquals(List.of(LadderStep.BARGE_SUGGESTED), tick(3));
    assertTrue(sent.get(0).message().contains("both sides raised"), sent.get(0).message());
  }

  @Test
  void noCalmingTwentySecondsAfterAWhisperSuggestsBarge() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.SHOUTING, 5));
    tick(5);
    ladder.onAction(action("c1", null, ActionType.WHISPER, "sam", 8));
    ladder.onAction(action("c1", "c1:raised_voice:customer:1", ActionType.ACKNOWLEDGE, "sam", 8));
    feed(customer("c1", 1, AlertState.UPDATED, Severity.SHOUTING, 27));
    assertEquals(List.of(), tick(27.9));
    assertEquals(List.of(LadderStep.BARGE_SUGGESTED), tick(28));
    assertTrue(sent.get(sent.size() - 1).message().contains("after the whisper"));
  }

  @Test
  void anUnacknowledgedSupervisorStepIsSentAgainUpToTheLimit() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.SHOUTING, 0));
    tick(0);
    for (int s = 1; s <= 50; s++) {
      feed(customer("c1", 1, AlertState.UPDATED, Severity.SHOUTING, s * 3));
    }
    List<Integer> attempts = new ArrayList<>();
    for (int s = 1; s <= 150; s++) {
      tick(s).forEach(step -> attempts.add(sent.get(sent.size() - 1).attempt()));
    }
    // The agent's steps are never repeated; the supervisor's: three times, 30 s apart.
    assertEquals(List.of(2, 3, 4), attempts);
    assertEquals(
        List.of(0L, 30L, 60L, 90L),
        sent.stream()
            .filter(n -> n.step() == LadderStep.WHISPER_SUGGESTED)
            .map(n -> java.time.Duration.between(T0, n.time()).toSeconds())
            .toList());
  }

  @Test
  void anAcknowledgementStopsReNotification() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.SHOUTING, 0));
    tick(0);
    ladder.onAction(action("c1", "c1:raised_voice:customer:1", ActionType.ACKNOWLEDGE, "sam", 5));
    feed(customer("c1", 1, AlertState.UPDATED, Severity.SHOUTING, 40));
    assertEquals(List.of(), tick(40));
  }

  @Test
  void aCalmedEpisodeIsResolvedByTheServiceAndTheCallForgotten() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 0));
    tick(0);
    feed(customer("c1", 1, AlertState.CLOSED, Severity.RAISED, 4));
    assertTrue(ladder.evaluate(at(33.9)).isEmpty());
    Due due = ladder.evaluate(at(34));
    assertEquals(1, due.resolutions().size());
    Action resolve = due.resolutions().get(0);
    assertEquals(ActionType.RESOLVE, resolve.type());
    assertEquals(Action.SYSTEM, resolve.actor());
    assertEquals("calmed", resolve.detail());
    ladder.onAction(resolve);
    assertEquals(0, ladder.openAlerts());
    ladder.evaluate(at(64));
    assertEquals(0, ladder.calls());
  }

  @Test
  void anEpisodeOfACallThatWentSilentIsResolvedAsEnded() {
    feed(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 0));
    tick(0);
    Due due = ladder.evaluate(at(60));
    assertEquals("call ended", due.resolutions().get(0).detail());
  }

  @Test
  void theOrderTheTopicsAreReadBackInChangesNothing() {
    Notification cue =
        Notification.of("c1:raised_voice:customer:1", "c1", LadderStep.AGENT_CUE, 1, at(5), "cue");
    ladder.onNotification(cue);
    feed(customer("c1", 1, AlertState.UPDATED, Severity.RAISED, 6));
    feed(customer("c1", 1, AlertState.OPENED, Severity.RAISED, 5));
    assertEquals(List.of(), tick(7));
    assertEquals(
        List.of(LadderStep.SECOND_WARNING, LadderStep.WHISPER_SUGGESTED),
        tick(15).stream().sorted().toList());
  }

  @Test
  void theCapForgetsTheLongestIdleCall() {
    Ladder two = new Ladder(policy, 2);
    two.onAlert(customer("old", 1, AlertState.OPENED, Severity.RAISED, 1));
    two.onAlert(customer("mid", 1, AlertState.OPENED, Severity.RAISED, 2));
    two.onAlert(customer("new", 1, AlertState.OPENED, Severity.RAISED, 3));
    assertEquals(2, two.calls());
    assertEquals(1, two.evicted());
    assertFalse(two.isOpen("old", "old:raised_voice:customer:1"));
    assertTrue(two.isOpen("mid", "mid:raised_voice:customer:1"));
  }

  private EscalationPolicy withRepeatCount(int count) {
    EscalationPolicy p = policy;
    return new EscalationPolicy(
        p.stillRaised(),
        p.shoutingEscalates(),
        p.repeatWindow(),
        count,
        p.cueCooldown(),
        p.agentVoiceToSupervisor(),
        p.calmAfterWhisper(),
        p.renotifyAfter(),
        p.renotifyMax(),
        p.resolveAfterCalm(),
        p.callIdle());
  }

  private EscalationPolicy withAgentVoice(boolean on) {
    EscalationPolicy p = policy;
    return new EscalationPolicy(
        p.stillRaised(),
        p.shoutingEscalates(),
        p.repeatWindow(),
        p.repeatCount(),
        p.cueCooldown(),
        on,
        p.calmAfterWhisper(),
        p.renotifyAfter(),
        p.renotifyMax(),
        p.resolveAfterCalm(),
        p.callIdle());
  }
}
