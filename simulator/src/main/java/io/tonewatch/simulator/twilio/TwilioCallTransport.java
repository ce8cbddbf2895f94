package io.tonewatch.simulator.twilio;

import io.tonewatch.events.Leg;
import io.tonewatch.simulator.CallScript;
import io.tonewatch.simulator.CallTransport;
import io.tonewatch.simulator.LegIdentity;
import io.tonewatch.simulator.SimulationException;
import io.tonewatch.simulator.SimulationStats;
import io.tonewatch.simulator.rtp.Codec;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One call as a Twilio Media Stream over a WebSocket: both legs share the connection as the inbound
 * (customer) and outbound (agent) tracks. Sends are chained, one outstanding at a time as the JDK's
 * WebSocket requires; past {@link #MAX_QUEUED} queued messages the loop waits.
 */
public final class TwilioCallTransport implements CallTransport {

  static final int MAX_QUEUED = 250;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final CallScript script;
  private final URI uri;
  private final String token;
  private final HttpClient http;
  private final int ptimeMillis;
  private final SimulationStats stats;
  private final TwilioMessages messages;
  private final AtomicInteger queued = new AtomicInteger();
  private volatile String closedByPeer;
  private volatile WebSocket socket; // once connected; aborted if a send fails
  private CompletableFuture<WebSocket> tail;

  /**
   * @param uri e.g. {@code ws://127.0.0.1:8080/v1/media/twilio}
   * @param token sent as {@code Authorization: Bearer} and as {@code ?token=}, or null
   */
  public TwilioCallTransport(
      CallScript script,
      URI uri,
      String token,
      HttpClient http,
      long seed,
      int ptimeMillis,
      SimulationStats stats) {
    this.script = script;
    this.uri = uri;
    this.token = token;
    this.http = http;
    this.ptimeMillis = ptimeMillis;
    this.stats = stats;
    SplittableRandom random =
        new SplittableRandom(LegIdentity.mix(seed, script.number(), Leg.AGENT));
    this.messages =
        new TwilioMessages(
            "MZ" + hex(random),
            "AC" + hex(random),
            script.callId(),
            Map.of("callId", script.callId()),
            script.legs());
  }

  @Override
  public CompletableFuture<Void> open() {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
    URI target = uri;
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
      String query = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
      target = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + query);
    }
    tail =
        builder
            .buildAsync(target, new Listener())
            .thenApply(
                ws -> {
                  socket = ws;
                  return ws;
                })
            .exceptionally(
                error -> {
                  throw refused(error instanceof CompletionException ? error.getCause() : error);
                });
    enqueue(messages.connected());
    enqueue(messages.start());
    return tail.thenAccept(ws -> {});
  }

  @Override
  public void send(Leg leg, long frameIndex, short[] samples, long deadlineNanos) {
    if (tail.isCompletedExceptionally()) {
      abort();
      throw failure();
    }
    if (queued.get() >= MAX_QUEUED) {
      try {
        tail.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        abort();
        throw failure();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SimulationException("interrupted while sending " + script.callId(), e);
      }
    }
    enqueue(messages.media(leg, frameIndex * ptimeMillis, Codec.PCMU.encode(samples)));
    stats.packetSent(leg);
  }

  @Override
  public CompletableFuture<Void> close() {
    if (tail == null || tail.isCompletedExceptionally()) {
      abort();
      return CompletableFuture.completedFuture(null);
    }
    enqueue(messages.stop());
    CompletableFuture<WebSocket> closed =
        tail.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "stop"));
    tail = closed;
    return closed.handle((ws, error) -> null);
  }

  private void enqueue(String text) {
    queued.incrementAndGet();
    tail =
        tail.thenCompose(ws -> ws.sendText(text, true))
            .whenComplete((ws, error) -> queued.decrementAndGet());
  }

  /**
   * Drops the connection at once: after a failed send the chain is broken, so no close handshake
   * can be queued behind it, and the socket would otherwise stay open until the process ends.
   */
  private void abort() {
    WebSocket ws = socket;
    if (ws != null && !ws.isOutputClosed()) {
      ws.abort();
    }
  }

  private SimulationException failure() {
    String peer = closedByPeer;
    return new SimulationException(
        peer != null
            ? "the ingest service closed the WebSocket of " + script.callId() + " (" + peer + ")"
            : "sending " + script.callId() + " over the WebSocket to " + uri + " failed");
  }

  private SimulationException refused(Throwable error) {
    if (error instanceof SimulationException s) {
      return s;
    }
    if (error instanceof WebSocketHandshakeException handshake) {
      int status = handshake.getResponse().statusCode();
      String text =
          switch (status) {
            case 401, 403 ->
                "the ingest service at "
                    + uri
                    + " refused the WebSocket (HTTP "
                    + status
                    + "): pass its token with --token or TONEWATCH_INGEST_AUTH_TOKEN";
            case 503 ->
                "the ingest service at "
                    + uri
                    + " cannot take "
                    + script.callId()
                    + " now (HTTP 503: at its call limit or not ready)";
            default ->
                "the ingest service at " + uri + " refused the WebSocket with HTTP " + status;
          };
      return new SimulationException(text, error);
    }
    String reason = error instanceof ConnectException ? "connection refused" : error.getMessage();
    return new SimulationException(
        "cannot reach the ingest WebSocket at "
            + uri
            + " ("
            + reason
            + "); is `tonewatch ingest` running there?",
        error);
  }

  private static String hex(SplittableRandom random) {
    return HexFormat.of().formatHex(longBytes(random.nextLong()))
        + HexFormat.of().formatHex(longBytes(random.nextLong()));
  }

  private static byte[] longBytes(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (56 - 8 * i));
    }
    return bytes;
  }

  /** Ignores what the service sends, but notes why it closed. */
  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closedByPeer = "code " + statusCode + (reason.isEmpty() ? "" : ": " + reason);
      return null;
    }
  }
}
