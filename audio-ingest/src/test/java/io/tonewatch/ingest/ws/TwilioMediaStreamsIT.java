package io.tonewatch.ingest.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.testing.RecordingCalls;
import io.tonewatch.ingest.testing.Signals;
import io.tonewatch.media.codec.G711;
import io.tonewatch.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real WebSocket client on 127.0.0.1 speaking the Twilio Media Streams sequence. */
class TwilioMediaStreamsIT {
  private static final int SECONDS = 3;
  private static final int FRAMES = SECONDS * 50;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RecordingCalls calls = new RecordingCalls(10);
  private final HttpClient client = HttpClient.newHttpClient();
  private Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void aTwoTrackStreamBecomesTwoLabelledLegsOfFramesWithinG711Accuracy() throws Exception {
    int port = start(TwilioSettings.defaults());
    short[] customer = Signals.tone(440, 9000, FRAMES * AudioFrame.SAMPLES);
    short[] agent = Signals.tone(660, 6000, FRAMES * AudioFrame.SAMPLES);

    Listener listener = new Listener();
    WebSocket ws = connect(port, "", listener);
    send(ws, TwilioJson.connected());
    send(
        ws,
        TwilioJson.start(
            "CA-it-1", "{\"agent\":\"a-17\",\"queue\":\"billing\"}", "inbound", "outbound"));
    for (int chunk = 1; chunk <= FRAMES; chunk++) {
      send(ws, TwilioJson.media("inbound", chunk, 20L * (chunk - 1), mulaw(customer, chunk - 1)));
      send(ws, TwilioJson.media("outbound", chunk, 20L * (chunk - 1), mulaw(agent, chunk - 1)));
    }
    send(ws, TwilioJson.stop("CA-it-1"));

    Await.until("CA-it-1 ended", () -> calls.ended("CA-it-1") != null);
    CallStarted started = calls.started("CA-it-1");
    assertEquals(Set.of(Leg.CUSTOMER, Leg.AGENT), started.legs());
    assertEquals("a-17", started.metadata().get("agent"));
    assertEquals("billing", started.metadata().get("queue"));
    assertEquals(EndReason.HANGUP, calls.ended("CA-it-1").reason());
    checkLeg(calls.frames("CA-it-1", Leg.CUSTOMER), customer);
    checkLeg(calls.frames("CA-it-1", Leg.AGENT), agent);
    List<AudioMessage> all = calls.messages();
    assertTrue(all.get(0) instanceof CallStarted);
    assertTrue(all.get(all.size() - 1) instanceof CallEnded);
    assertEquals(1 + 1 + 2 * FRAMES + 1, packets("accepted"));
    assertEquals(
        1000,
        listener.closed.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS),
        "closed normally after stop");
  }

  @Test
  void aSocketWithoutTheTokenIsClosedWithPolicyViolationAndNothingIsAdmitted() throws Exception {
    int port = start(TwilioSettings.defaults().withToken("s3cret"));

    Listener refused = new Listener();
    connect(port, "", refused);
    assertEquals(1008, refused.closed.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
    Listener wrong = new Listener();
    connect(port, "?token=guess", wrong);
    assertEquals(1008, wrong.closed.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
    assertEquals(2, packets("unauthorized"));

    Listener ok = new Listener();
    WebSocket good = connect(port, "?token=s3cret", ok);
    send(good, TwilioJson.start("CA-it-2", "{}", "inbound"));
    Await.until("CA-it-2 started", () -> calls.started("CA-it-2") != null);

    WebSocket bearer =
        client
            .newWebSocketBuilder()
            .header("Authorization", "Bearer s3cret")
            .buildAsync(
                URI.create("ws://127.0.0.1:" + port + TwilioSettings.DEFAULT_PATH), new Listener())
            .get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    send(bearer, TwilioJson.start("CA-it-3", "{}", "inbound"));
    Await.until("CA-it-3 started", () -> calls.started("CA-it-3") != null);
    assertNull(calls.started("CA-it-refused"));
  }

  @Test
  void malformedMessagesAreCountedAndTheStreamGoesOn() throws Exception {
    int port = start(TwilioSettings.defaults());
    WebSocket ws = connect(port, "", new Listener());
    send(ws, "{not json");
    send(ws, TwilioJson.start("CA-it-4", "{}", "inbound"));
    send(ws, "{\"event\":\"media\",\"media\":{\"chunk\":\"x\"}}");
    send(ws, TwilioJson.media("inbound", 1, 0, new byte[160]));
    send(ws, TwilioJson.stop("CA-it-4"));

    Await.until("CA-it-4 ended", () -> calls.ended("CA-it-4") != null);
    assertEquals(2, packets("malformed"));
    assertEquals(1, calls.frames("CA-it-4", Leg.CUSTOMER).size());
  }

  private int start(TwilioSettings settings) {
    IngestMetrics metrics = new IngestMetrics(registry);
    app = Javalin.create();
    new TwilioMediaStreams(calls, calls, metrics, settings).install(app);
    app.start("127.0.0.1", 0);
    return app.port();
  }

  private WebSocket connect(int port, String query, Listener listener) throws Exception {
    URI uri = URI.create("ws://127.0.0.1:" + port + TwilioSettings.DEFAULT_PATH + query);
    return client
        .newWebSocketBuilder()
        .buildAsync(uri, listener)
        .get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  private static void send(WebSocket ws, String text) throws Exception {
    ws.sendText(text, true).get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  private static byte[] mulaw(short[] pcm, int frame) {
    byte[] out = new byte[AudioFrame.SAMPLES];
    for (int i = 0; i < out.length; i++) {
      out[i] = G711.linearToUlaw(pcm[frame * AudioFrame.SAMPLES + i]);
    }
    return out;
  }

  private static void checkLeg(List<AudioFrame> frames, short[] source) {
    assertEquals(FRAMES, frames.size());
    for (int i = 0; i < frames.size(); i++) {
      assertEquals(i, frames.get(i).sequence());
      assertEquals(20L * i, frames.get(i).mediaTimeMs());
      assertFalse(frames.get(i).concealed());
    }
    double snr = Signals.snrDb(source, Signals.concat(frames), source.length);
    assertTrue(snr >= 30, "SNR " + snr + " dB");
  }

  private double packets(String outcome) {
    return registry
        .get("tonewatch.ingest.packets")
        .tag("source", "websocket")
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  /** Records the close code the server sent. */
  private static final class Listener implements WebSocket.Listener {
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
