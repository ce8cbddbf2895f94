package io.tonewatch.ingest.ws;

import io.javalin.Javalin;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.tonewatch.ingest.call.CallAdmission;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.sink.FrameSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Twilio Media Streams front-end: a WebSocket route (default {@value
 * TwilioSettings#DEFAULT_PATH}) that takes the {@code connected}, {@code start}, {@code media},
 * {@code stop} (and {@code mark}, {@code dtmf}) messages of a stream. Each track is a leg: {@code
 * inbound} is {@link TwilioSettings#inboundLeg()} (the customer by default), {@code outbound} the
 * other. The call id is the {@code callId} custom parameter when the stream sets one, else the
 * {@code callSid}. See {@link TwilioStream} for how a stream's call starts and ends.
 *
 * <p>Auth: with a token configured, the upgrade request must carry {@code Authorization: Bearer
 * <token>} or {@code ?token=<token>}; otherwise the socket is closed at once with 1008 (policy
 * violation) and counted {@code UNAUTHORIZED}. Bounds: messages longer than {@code maxMessageChars}
 * are counted {@code OVERSIZED} (much longer ones make Jetty close the socket with 1009), the
 * number of live streams is bounded by {@link CallAdmission}'s leg limit (a refused start closes
 * with 1008 and counts {@code NO_LEG}), idle sockets are closed after {@code idleTimeoutMillis}.
 * Thread-safe: Jetty's threads call in; per-connection state lives in a concurrent map keyed by
 * session id.
 */
public final class TwilioMediaStreams {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioMediaStreams.class);
  private static final IngestMetrics.Source SOURCE = IngestMetrics.Source.WEBSOCKET;

  private final CallAdmission admission;
  private final FrameSink sink;
  private final IngestMetrics metrics;
  private final TwilioSettings settings;
  private final TwilioMessageDecoder decoder;
  private final Map<String, TwilioStream> streams = new ConcurrentHashMap<>();

  public TwilioMediaStreams(
      CallAdmission admission, FrameSink sink, IngestMetrics metrics, TwilioSettings settings) {
    this.admission = Objects.requireNonNull(admission, "admission");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.decoder =
        new TwilioMessageDecoder(metrics, settings.maxMessageChars(), settings.maxPayloadBytes());
  }

  /** Adds the WebSocket route to {@code app}; call before {@code app.start()}. */
  public void install(Javalin app) {
    app.ws(
        settings.path(),
        ws -> {
          ws.onConnect(this::onConnect);
          ws.onMessage(this::onMessage);
          ws.onBinaryMessage(ctx -> metrics.packet(SOURCE, PacketOutcome.MALFORMED));
          ws.onClose(this::onClose);
          ws.onError(ctx -> LOG.debug("twilio {}: socket error: {}", ctx.sessionId(), ctx.error()));
        });
  }

  private void onConnect(WsConnectContext ctx) {
    if (!authorized(ctx)) {
      metrics.packet(SOURCE, PacketOutcome.UNAUTHORIZED);
      ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, "unauthorized");
      return;
    }
    // Jetty counts UTF-8 bytes; leave room so the decoder, not Jetty, judges most long messages.
    ctx.session.setMaxTextMessageSize(4L * settings.maxMessageChars());
    ctx.session.setIdleTimeout(Duration.ofMillis(settings.idleTimeoutMillis()));
    streams.put(ctx.sessionId(), new TwilioStream(admission, sink, metrics, settings));
  }

  private void onMessage(WsMessageContext ctx) {
    TwilioStream stream = streams.get(ctx.sessionId());
    if (stream == null) {
      return; // refused at connect, closing
    }
    TwilioMessage message = decoder.decode(ctx.message());
    if (message == null) {
      return;
    }
    switch (stream.onMessage(message)) {
      case CONTINUE:
        break;
      case CLOSE_NORMAL:
        ctx.closeSession(WsCloseStatus.NORMAL_CLOSURE, "stream ended");
        break;
      case CLOSE_UNSUPPORTED:
        ctx.closeSession(WsCloseStatus.UNSUPPORTED_DATA, "only audio/x-mulaw 8000 Hz mono");
        break;
      case CLOSE_POLICY:
      default:
        ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, "call not admitted");
        break;
    }
  }

  private void onClose(WsCloseContext ctx) {
    if (ctx.status() == WsCloseStatus.MESSAGE_TOO_BIG.getCode()) {
      metrics.packet(SOURCE, PacketOutcome.OVERSIZED);
    }
    TwilioStream stream = streams.remove(ctx.sessionId());
    if (stream != null) {
      stream.onClose();
    }
  }

  private boolean authorized(WsContext ctx) {
    String token = settings.token();
    if (token == null) {
      return true;
    }
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return matches(token, header.substring(7).trim());
    }
    String query = ctx.queryParam("token");
    return query != null && matches(token, query);
  }

  /** Compares in time independent of where the strings differ. */
  private static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
