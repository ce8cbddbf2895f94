package io.tonewatch.alerting.repeat;

import io.tonewatch.alerting.BoundedMap;
import io.tonewatch.alerting.board.Board;
import io.tonewatch.alerting.board.CallFacts;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.ViewChange;
import io.tonewatch.alerting.view.Viewer;
import io.tonewatch.events.LadderStep;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Records a caller as escalated once a call of theirs reaches the policy's step, so the next call
 * from the same number gets a routing hint. Only while the service is live (replayed calls were
 * recorded before); once per call. Called on the service's loop thread.
 */
public final class EscalationRecorder implements Consumer<ViewChange> {
  private static final Viewer SERVICE = new Viewer("system", Role.ADMIN, Set.of(), null);
  private static final int REMEMBERED = 10_000;

  private final Board board;
  private final Consumer<Escalation> log;
  private final LadderStep fromStep;
  private final BooleanSupplier live;
  private final Clock clock;
  private final Map<String, Boolean> recorded = new BoundedMap<>(REMEMBERED);

  public EscalationRecorder(
      Board board,
      Consumer<Escalation> log,
      LadderStep fromStep,
      BooleanSupplier live,
      Clock clock) {
    this.board = board;
    this.log = log;
    this.fromStep = fromStep;
    this.live = live;
    this.clock = clock;
  }

  @Override
  public synchronized void accept(ViewChange change) {
    if (!"alert".equals(change.topic()) || !live.getAsBoolean()) {
      return;
    }
    CallFacts call = board.facts(SERVICE, change.callId()).orElse(null);
    if (call == null
        || call.callerHash() == null
        || call.highestStep() == null
        || call.highestStep().compareTo(fromStep) < 0
        || recorded.containsKey(call.callId())) {
      return;
    }
    recorded.put(call.callId(), Boolean.TRUE);
    String summary = call.highestStep().wireName().replace('_', ' ');
    log.accept(new Escalation(call.callerHash(), call.callId(), clock.instant(), summary));
  }
}
