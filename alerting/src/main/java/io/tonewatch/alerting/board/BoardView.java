package io.tonewatch.alerting.board;

import io.tonewatch.alerting.view.ActionRequest;
import io.tonewatch.alerting.view.ActionResult;
import io.tonewatch.alerting.view.ConsoleView;
import io.tonewatch.alerting.view.HistoryEntry;
import io.tonewatch.alerting.view.HistoryFilter;
import io.tonewatch.alerting.view.IncidentReport;
import io.tonewatch.alerting.view.LiveCall;
import io.tonewatch.alerting.view.OpenAlert;
import io.tonewatch.alerting.view.ViewChange;
import io.tonewatch.alerting.view.Viewer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The console's view of the service: the board's reads, its reports and the desk's actions. */
public final class BoardView implements ConsoleView {
  private final Board board;
  private final IncidentReports reports;
  private final ActionDesk desk;

  public BoardView(Board board, IncidentReports reports, ActionDesk desk) {
    this.board = board;
    this.reports = reports;
    this.desk = desk;
  }

  @Override
  public List<LiveCall> calls(Viewer viewer) {
    return board.calls(viewer);
  }

  @Override
  public List<OpenAlert> openAlerts(Viewer viewer) {
    return board.openAlerts(viewer);
  }

  @Override
  public List<HistoryEntry> history(Viewer viewer, HistoryFilter filter) {
    return board.history(viewer, filter);
  }

  @Override
  public Optional<IncidentReport> report(Viewer viewer, String callId) {
    return board.facts(viewer, callId).flatMap(reports::of);
  }

  @Override
  public AutoCloseable subscribe(Consumer<ViewChange> listener) {
    return board.subscribe(listener);
  }

  @Override
  public ActionResult act(Viewer viewer, ActionRequest request) {
    return desk.act(viewer, request);
  }
}
