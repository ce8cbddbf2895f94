package io.tonewatch.alerting.view;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The alerting service as the console sees it; every read is limited to what the viewer covers. */
public interface ConsoleView {

  /** Calls in progress the viewer covers, newest first. */
  List<LiveCall> calls(Viewer viewer);

  /** Open alerts the viewer covers, oldest first. */
  List<OpenAlert> openAlerts(Viewer viewer);

  /** History the viewer covers, newest first. */
  List<HistoryEntry> history(Viewer viewer, HistoryFilter filter);

  /** The team lead's incident report of a call, as HTML-free data; empty if none or not covered. */
  Optional<IncidentReport> report(Viewer viewer, String callId);

  /** Calls {@code listener} on every change until the returned handle is closed. */
  AutoCloseable subscribe(Consumer<ViewChange> listener);

  /** Does what is asked, or refuses it; never throws for a request a user could make. */
  ActionResult act(Viewer viewer, ActionRequest request);
}
