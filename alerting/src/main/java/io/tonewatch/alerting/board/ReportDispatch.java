package io.tonewatch.alerting.board;

import io.tonewatch.alerting.BoundedMap;
import io.tonewatch.alerting.view.ConsoleView;
import io.tonewatch.alerting.view.IncidentReport;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.ViewChange;
import io.tonewatch.alerting.view.Viewer;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sends the team lead's incident report out (by webhook, event type {@code incident_report}) once a
 * call that escalated has ended. Only while the service is live: the calls replayed at start-up
 * were reported by the instance before. Remembers the last 10 000 calls it reported, so a call read
 * twice is reported once. Called on the service's loop thread; the sender must not block.
 */
public final class ReportDispatch implements Consumer<ViewChange> {
  public static final String EVENT_TYPE = "incident_report";
  private static final int REMEMBERED = 10_000;
  private static final Viewer SERVICE = new Viewer("system", Role.ADMIN, Set.of(), null);

  private final ConsoleView view;
  private final BiConsumer<String, Object> sender;
  private final BooleanSupplier live;
  private final Map<String, Boolean> reported = new BoundedMap<>(REMEMBERED);

  public ReportDispatch(ConsoleView view, BiConsumer<String, Object> sender, BooleanSupplier live) {
    this.view = view;
    this.sender = sender;
    this.live = live;
  }

  @Override
  public synchronized void accept(ViewChange change) {
    if (!"call".equals(change.topic()) || !live.getAsBoolean()) {
      return;
    }
    IncidentReport report = view.report(SERVICE, change.callId()).orElse(null);
    if (report != null
        && report.endedAt() != null
        && reported.put(change.callId(), Boolean.TRUE) == null) {
      sender.accept(EVENT_TYPE, report);
    }
  }
}
