package io.tonewatch.alerting.board;

import io.tonewatch.alerting.view.HistoryEntry;
import io.tonewatch.alerting.view.IncidentReport;
import io.tonewatch.events.LadderStep;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The team lead's report of a call that escalated: a call whose alerts reached at least the
 * policy's step gets one; the CRM note says in plain words what happened and what was done.
 */
public final class IncidentReports {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final LadderStep fromStep;

  /** A report is made once an alert of the call reaches {@code fromStep}. */
  public IncidentReports(LadderStep fromStep) {
    this.fromStep = fromStep;
  }

  /** The report of {@code call}, or empty when it did not escalate that far. */
  public Optional<IncidentReport> of(CallFacts call) {
    if (call.highestStep() == null || call.highestStep().compareTo(fromStep) < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new IncidentReport(
            call.callId(),
            call.team(),
            call.startedAt(),
            call.endedAt(),
            call.metadata(),
            call.timeline(),
            call.scoreSeries(),
            crmNote(call)));
  }

  static String crmNote(CallFacts call) {
    List<String> sentences = new ArrayList<>();
    int raised = 0;
    List<String> done = new ArrayList<>();
    for (HistoryEntry e : call.timeline()) {
      if (e.what().equals("alert raised")) {
        if (raised == 0) {
          sentences.add("At " + CLOCK.format(e.at()) + " UTC the " + who(e.detail()) + " raised.");
        }
        raised++;
      } else if (!e.actor().equals("system") && !e.what().endsWith("failed")) {
        done.add(e.what() + " by " + e.actor() + " at " + CLOCK.format(e.at()));
      }
    }
    if (raised > 1) {
      sentences.add("It happened " + raised + " times in the call.");
    }
    sentences.add(
        "It went as far as: "
            + call.highestStep().wireName().replace('_', ' ')
            + (done.isEmpty() ? "; nobody acted on it." : "; " + String.join(", ", done) + "."));
    if (call.endedAt() != null) {
      long minutes = Duration.between(call.startedAt(), call.endedAt()).toMinutes();
      sentences.add(
          "The call ended at " + CLOCK.format(call.endedAt()) + " UTC after " + minutes + " min.");
    } else {
      sentences.add("The call is still in progress.");
    }
    return String.join(" ", sentences);
  }

  /** "customer's voice was" from an alert's words, e.g. "raised_voice, customer: pitch ...". */
  private static String who(String detail) {
    if (detail.contains("both sides")) {
      return "voices on both sides were";
    }
    return detail.contains("agent:") ? "agent's voice was" : "customer's voice was";
  }
}
