package io.tonewatch.alerting.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tonewatch.alerting.view.ActionRequest;
import io.tonewatch.alerting.view.ActionResult;
import io.tonewatch.alerting.view.ConsoleView;
import io.tonewatch.alerting.view.HistoryFilter;
import io.tonewatch.alerting.view.LegMeter;
import io.tonewatch.alerting.view.LiveCall;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.Viewer;
import io.tonewatch.events.ActionType;
import io.tonewatch.events.Leg;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's JSON API over a {@link ConsoleView}: every read is the viewer's, every action goes
 * through the view (which refuses what the viewer may not do). {@code POST /api/actions} needs the
 * session's CSRF token in {@code X-CSRF-Token}.
 */
final class ConsoleApi {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private static final int MAX_HISTORY = 500;

  private final ConsoleView view;
  private final ChangeFeed feed;
  private final boolean agentCoaching;

  ConsoleApi(ConsoleView view, ChangeFeed feed, boolean agentCoaching) {
    this.view = view;
    this.feed = feed;
    this.agentCoaching = agentCoaching;
  }

  void install(Javalin app) {
    app.before("/api/*", this::requireSession);
    app.get("/api/me", this::me);
    app.get("/api/calls", ctx -> json(ctx, calls(viewer(ctx))));
    app.get("/api/alerts", ctx -> json(ctx, view.openAlerts(viewer(ctx))));
    app.get("/api/history", this::history);
    app.get("/api/reports/{callId}", this::report);
    app.post("/api/actions", this::act);
    app.sse(
        "/api/events",
        client -> {
          Viewer viewer = client.ctx().attribute(ConsoleServer.VIEWER);
          client.keepAlive();
          feed.open(client, viewer);
        });
  }

  private void requireSession(Context ctx) {
    Sessions.Session session = ctx.attribute(ConsoleServer.SESSION);
    if (session == null) {
      ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "sign in first"));
      ctx.skipRemainingHandlers();
    } else if (ctx.method().name().equals("POST")
        && !session.csrfToken().equals(ctx.header("X-CSRF-Token"))) {
      ctx.status(HttpStatus.FORBIDDEN).json(Map.of("error", "missing or wrong CSRF token"));
      ctx.skipRemainingHandlers();
    }
  }

  private void me(Context ctx) {
    Sessions.Session session = ctx.attribute(ConsoleServer.SESSION);
    Viewer v = session.viewer();
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("user", v.user());
    me.put("role", v.role().name().toLowerCase(Locale.ROOT));
    me.put("teams", v.teams());
    me.put("csrf", session.csrfToken());
    json(ctx, me);
  }

  /** An agent sees the customer's meter only, unless the deployment enables coaching. */
  private List<LiveCall> calls(Viewer viewer) {
    List<LiveCall> calls = view.calls(viewer);
    if (viewer.role() != Role.AGENT || agentCoaching) {
      return calls;
    }
    List<LiveCall> out = new ArrayList<>();
    for (LiveCall c : calls) {
      Map<Leg, LegMeter> meters = new LinkedHashMap<>(c.meters());
      meters.remove(Leg.AGENT);
      out.add(
          new LiveCall(
              c.callId(),
              c.team(),
              c.queue(),
              c.agentId(),
              c.callerMasked(),
              c.startedAt(),
              c.ladderStep(),
              c.repeatCaller(),
              meters,
              c.metadata()));
    }
    return out;
  }

  private void history(Context ctx) {
    int limit;
    Instant from;
    Instant to;
    try {
      limit = Math.min(MAX_HISTORY, Integer.parseInt(param(ctx, "limit", "100")));
      from = instant(ctx.queryParam("from"));
      to = instant(ctx.queryParam("to"));
    } catch (NumberFormatException | DateTimeParseException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "bad limit, from or to"));
      return;
    }
    if (limit < 1) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "limit must be positive"));
      return;
    }
    HistoryFilter filter =
        new HistoryFilter(
            blankToNull(ctx.queryParam("callId")),
            blankToNull(ctx.queryParam("team")),
            blankToNull(ctx.queryParam("what")),
            from,
            to,
            limit);
    json(ctx, view.history(viewer(ctx), filter));
  }

  private void report(Context ctx) {
    view.report(viewer(ctx), ctx.pathParam("callId"))
        .ifPresentOrElse(
            r -> json(ctx, r),
            () -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no report")));
  }

  private void act(Context ctx) {
    ActionRequest request;
    try {
      JsonNode body = JSON.readTree(ctx.body());
      request =
          new ActionRequest(
              ActionType.fromWireName(body.path("type").asText()),
              body.path("callId").asText(),
              blankToNull(body.path("alertId").asText(null)),
              blankToNull(body.path("note").asText(null)));
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "not an action: " + e.getMessage()));
      return;
    }
    ActionResult result = view.act(viewer(ctx), request);
    if (result.refused()) {
      ctx.status(HttpStatus.FORBIDDEN);
    } else if (result.actionId() == null) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    json(ctx, result);
  }

  private static Viewer viewer(Context ctx) {
    return ctx.attribute(ConsoleServer.VIEWER);
  }

  private static void json(Context ctx, Object value) {
    try {
      ctx.contentType("application/json").result(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a console reply", e);
    }
  }

  private static String param(Context ctx, String name, String fallback) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Instant instant(String value) {
    return value == null || value.isBlank() ? null : Instant.parse(value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
