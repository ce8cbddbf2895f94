package io.tonewatch.alerting.board;

import io.tonewatch.events.Action;
import io.tonewatch.events.ActionOutcome;

/** The history's words for an action, e.g. "whisper started", "false alarm", "barge failed". */
final class ActionWords {
  private ActionWords() {}

  static String what(Action action) {
    String type =
        switch (action.type()) {
          case ACKNOWLEDGE -> "acknowledged";
          case CLAIM -> "claimed";
          case RESOLVE -> "resolved";
          case FALSE_ALARM -> "false alarm";
          case WHISPER -> "whisper";
          case BARGE -> "barge";
          case TRANSFER -> "transfer";
        };
    if (action.outcome() == ActionOutcome.FAILED) {
      return type + " failed";
    }
    return action.outcome() == ActionOutcome.STARTED ? type + " started" : type;
  }
}
