package io.tonewatch.alerting.board;

import io.tonewatch.alerting.actions.CallPlatform;
import io.tonewatch.alerting.actions.PlatformCommand;
import io.tonewatch.alerting.actions.PlatformResult;
import io.tonewatch.alerting.audit.RecordingException;
import io.tonewatch.alerting.view.ActionRequest;
import io.tonewatch.alerting.view.ActionResult;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.Viewer;
import io.tonewatch.events.Action;
import io.tonewatch.events.ActionOutcome;
import io.tonewatch.events.ActionType;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what a user asks: checks that they may (their team's call, a known alert, an agent
 * only acknowledging on their own call), asks the call platform for whisper, barge and transfer,
 * records the action on the audit trail and folds it into the board. A refusal is recorded nowhere;
 * a platform that fails is recorded as a failed action with its reason. Thread-safe.
 */
public final class ActionDesk {
  private static final Logger LOG = LoggerFactory.getLogger(ActionDesk.class);

  private final Board board;
  private final Consumer<Action> recorder;
  private final CallPlatform platform;
  private final String transferTarget;
  private final Clock clock;

  /**
   * @param recorder writes an action to the audit trail and returns once the broker holds it;
   *     throws {@link RecordingException} when it does not
   * @param transferTarget where a transfer goes when the user names no target
   */
  public ActionDesk(
      Board board,
      Consumer<Action> recorder,
      CallPlatform platform,
      String transferTarget,
      Clock clock) {
    this.board = board;
    this.recorder = recorder;
    this.platform = platform;
    this.transferTarget = transferTarget;
    this.clock = clock;
  }

  public ActionResult act(Viewer viewer, ActionRequest request) {
    Optional<CallFacts> found = board.facts(viewer, request.callId());
    if (found.isEmpty()) {
      return refused("no such call among yours");
    }
    CallFacts call = found.get();
    ActionType type = request.type();
    if (viewer.role() == Role.AGENT && type != ActionType.ACKNOWLEDGE) {
      return refused("an agent may only acknowledge");
    }
    boolean onCall = isOnCall(type);
    if (!onCall && request.alertId() == null) {
      return refused(type.wireName() + " needs an alert");
    }
    if (request.alertId() != null && !call.alertIds().contains(request.alertId())) {
      return refused("no such alert on this call");
    }
    ActionOutcome outcome = ActionOutcome.DONE;
    String detail = request.note();
    if (onCall) {
      PlatformResult result = perform(viewer, call, type, request.note());
      outcome = result.started() ? ActionOutcome.STARTED : ActionOutcome.FAILED;
      detail = result.detail();
    }
    Action action =
        new Action(
            Action.SCHEMA,
            UUID.randomUUID().toString(),
            type,
            call.callId(),
            request.alertId(),
            viewer.user(),
            clock.instant(),
            outcome,
            detail == null || detail.isBlank() ? null : detail);
    try {
      recorder.accept(action);
    } catch (RecordingException e) {
      LOG.warn(
          "alerting: {} by {} not recorded: {}", type.wireName(), viewer.user(), e.getMessage());
      return new ActionResult(
          null, ActionOutcome.FAILED, "not recorded, Kafka is unavailable: try again", false);
    }
    board.onAction(action);
    return new ActionResult(
        action.actionId(), outcome, outcome == ActionOutcome.FAILED ? detail : null, false);
  }

  private PlatformResult perform(Viewer viewer, CallFacts call, ActionType type, String note) {
    PlatformCommand.Kind kind =
        switch (type) {
          case WHISPER -> PlatformCommand.Kind.WHISPER;
          case BARGE -> PlatformCommand.Kind.BARGE;
          default -> PlatformCommand.Kind.TRANSFER;
        };
    String target = kind == PlatformCommand.Kind.TRANSFER ? targetOf(note) : null;
    try {
      return platform.perform(
          new PlatformCommand(kind, call.callId(), viewer.user(), call.metadata(), target));
    } catch (RuntimeException e) {
      LOG.warn("alerting: the call platform {} failed on {}", platform.name(), type, e);
      return PlatformResult.failed(platform.name() + " failed: " + e.getClass().getSimpleName());
    }
  }

  private String targetOf(String note) {
    return note == null || note.isBlank() ? transferTarget : note.strip();
  }

  private static boolean isOnCall(ActionType type) {
    return type == ActionType.WHISPER || type == ActionType.BARGE || type == ActionType.TRANSFER;
  }

  private static ActionResult refused(String why) {
    return new ActionResult(null, ActionOutcome.FAILED, why, true);
  }
}
