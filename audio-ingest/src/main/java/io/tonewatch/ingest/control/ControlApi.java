package io.tonewatch.ingest.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.call.CallRegistry;
import io.tonewatch.ingest.net.RtpCallInfo;
import io.tonewatch.ingest.net.UdpMediaServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP control API on Javalin: {@code POST /v1/calls} announces a call (RTP ports in the
 * answer), {@code DELETE /v1/calls/{callId}} ends it, {@code GET /v1/calls} lists live calls,
 * {@code GET /health}, {@code /health/live}, {@code /health/ready} (503 while the sink cannot
 * deliver) and {@code GET /metrics} (Prometheus text) need no token. With a token configured every
 * {@code /v1} request needs {@code Authorization: Bearer <token>}; WebSocket upgrades are left to
 * their own handler, which also accepts {@code ?token=}. Errors are {@code {"error": "<one
 * sentence>"}}. Stateless: Jetty's threads call in.
 */
public final class ControlApi {
  private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
  private static final long END_WAIT_SECONDS = 5;

  private final CallRegistry registry;
  private final UdpMediaServer udp;
  private final String rtpHost;
  private final BearerToken token;
  private final Supplier<String> metricsScrape;
  private final Supplier<Optional<String>> blockedReason;
  private final ObjectMapper json = new ObjectMapper();

  /** {@code metricsScrape} null: no {@code /metrics} route. */
  public ControlApi(
      CallRegistry registry,
      UdpMediaServer udp,
      String rtpHost,
      BearerToken token,
      Supplier<String> metricsScrape,
      Supplier<Optional<String>> blockedReason) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.udp = Objects.requireNonNull(udp, "udp");
    this.rtpHost = Objects.requireNonNull(rtpHost, "rtpHost");
    this.token = Objects.requireNonNull(token, "token");
    this.metricsScrape = metricsScrape;
    this.blockedReason = Objects.requireNonNull(blockedReason, "blockedReason");
  }

  /** Adds the routes, the token check and the error mapping to {@code app}. */
  public void install(Javalin app) {
    app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.warn("control api: {} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, 500, "The request failed inside the service.");
        });
    app.before("/v1/*", this::authorize);
    app.post("/v1/calls", this::create);
    app.get("/v1/calls", this::list);
    app.delete("/v1/calls/{callId}", this::end);
    app.get("/health", this::health);
    app.get("/health/live", ctx -> ctx.json(Map.of("status", "live")));
    app.get("/health/ready", this::ready);
    if (metricsScrape != null) {
      app.get(
          "/metrics",
          ctx ->
              ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                  .result(metricsScrape.get()));
    }
  }

  private void authorize(Context ctx) {
    boolean upgrade = "websocket".equalsIgnoreCase(ctx.header(Header.UPGRADE));
    if (!upgrade && !token.acceptsHeader(ctx.header(Header.AUTHORIZATION))) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
      throw new ApiError(401, "A valid bearer token is required.");
    }
  }

  private void create(Context ctx) {
    JsonNode body;
    try {
      body = json.readTree(ctx.bodyAsBytes());
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("The body is not valid JSON.");
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("The body could not be read.");
    }
    CallRequest request = CallRequest.parse(body);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("callId", request.callId());
    answer.put("transport", request.transport().value());
    Map<String, Object> legs = new LinkedHashMap<>();
    if (request.transport() == CallRequest.Transport.RTP) {
      UdpMediaServer.OpenResult opened =
          udp.openCall(request.callId(), request.legs(), request.metadata(), request.stereo());
      refuseUnlessOpened(opened.status(), request.callId());
      answer.put("host", rtpHost);
      answer.put("layout", request.stereo() ? "stereo" : "mono");
      for (Leg leg : request.legs()) {
        int port = opened.rtpPorts().get(leg);
        legs.put(name(leg), Map.of("rtpPort", port, "rtcpPort", port + 1));
      }
    } else {
      CallRegistry.Admission admission =
          registry.admit(
              request.callId(),
              new java.util.LinkedHashSet<>(request.legs()),
              request.metadata(),
              null,
              true);
      refuseUnlessOpened(
          switch (admission) {
            case OPENED -> UdpMediaServer.OpenStatus.OPENED;
            case DUPLICATE -> UdpMediaServer.OpenStatus.DUPLICATE;
            case LIMIT_REACHED -> UdpMediaServer.OpenStatus.LIMIT_REACHED;
          },
          request.callId());
      request.legs().forEach(leg -> legs.put(name(leg), Map.of()));
    }
    answer.put("legs", legs);
    ctx.status(201).json(answer);
  }

  private static void refuseUnlessOpened(UdpMediaServer.OpenStatus status, String callId) {
    switch (status) {
      case OPENED -> {}
      case DUPLICATE -> throw new ApiError(409, "Call " + callId + " is already live.");
      case LIMIT_REACHED -> throw new ApiError(503, "The limit on concurrent legs is reached.");
      case NO_PORTS -> throw new ApiError(503, "No RTP ports are free.");
    }
  }

  private void end(Context ctx) throws InterruptedException {
    String callId = ctx.pathParam("callId");
    if (!registry.isOpen(callId)) {
      throw new ApiError(404, "No live call has that id.");
    }
    try {
      udp.endCall(callId, EndReason.HANGUP).get(END_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new ApiError(503, "The call did not end in time; it will end by media timeout.");
    }
    ctx.status(204);
  }

  private void list(Context ctx) {
    Map<String, RtpCallInfo> rtp = new LinkedHashMap<>();
    udp.calls().forEach(info -> rtp.put(info.callId(), info));
    List<Map<String, Object>> calls = new ArrayList<>();
    for (CallStarted call : registry.calls()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("callId", call.callId());
      item.put("startedAt", call.startedAt().toString());
      RtpCallInfo info = rtp.get(call.callId());
      Map<String, Object> legs = new LinkedHashMap<>();
      for (Leg leg : Leg.values()) {
        if (!call.legs().contains(leg)) {
          continue;
        }
        Map<String, Object> legItem = new LinkedHashMap<>();
        RtpCallInfo.LegInfo legInfo = info == null ? null : info.legs().get(leg);
        if (legInfo != null) {
          legItem.put("rtpPort", legInfo.rtpPort());
          legItem.put("packets", legInfo.stats().packetsReceived());
          legItem.put("lost", legInfo.stats().packetsLost());
          legItem.put("jitterMs", legInfo.stats().jitterMs());
        }
        legs.put(name(leg), legItem);
      }
      item.put("transport", info == null ? "other" : info.staticMode() ? "rtp-static" : "rtp");
      item.put("legs", legs);
      calls.add(item);
    }
    calls.sort(
        (a, b) -> String.valueOf(a.get("callId")).compareTo(String.valueOf(b.get("callId"))));
    ctx.json(Map.of("calls", calls));
  }

  private void health(Context ctx) {
    ctx.json(
        Map.of("status", "ok", "calls", registry.activeCalls(), "legs", registry.activeLegs()));
  }

  private void ready(Context ctx) {
    Optional<String> blocked = blockedReason.get();
    if (blocked.isPresent()) {
      ctx.status(503).json(Map.of("status", "not ready", "detail", blocked.get()));
    } else {
      ctx.json(Map.of("status", "ready", "detail", "serving; frames are delivered"));
    }
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status).json(Map.of("error", message));
  }

  private static String name(Leg leg) {
    return leg.name().toLowerCase(Locale.ROOT);
  }
}
