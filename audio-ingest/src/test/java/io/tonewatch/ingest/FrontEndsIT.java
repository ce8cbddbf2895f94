package io.tonewatch.ingest;

import static io.tonewatch.ingest.RecordingSink.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.config.IngestConfigLoader;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.media.codec.G711;
import io.tonewatch.testing.Await;
import io.tonewatch.testing.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket and AudioSocket front-ends as {@link IngestService} wires them: behind the token,
 * admitted through the shared registry, and calls announced through the control API kept alive by
 * their frames past the (2 s) media timeout.
 */
class FrontEndsIT {
  private static final String TOKEN = "fe-token-77";
  private static final int FRAMES = 125; // 2.5 s, longer than the media timeout

  private final RecordingSink sink = new RecordingSink();
  private final HttpClient http = HttpClient.newHttpClient();
  private IngestService service;

  @BeforeEach
  void start() {
    int rtpPortMin = FreePorts.udpRange(10);
    service =
        new IngestService(
                IngestConfigLoader.fromMap(
                    Map.of(
                        "ingest.http-port", "0",
                        "ingest.rtp-port-min", Integer.toString(rtpPortMin),
                        "ingest.rtp-port-max", Integer.toString(rtpPortMin + 9),
                        "ingest.auth-token", TOKEN,
                        "ingest.media-timeout-seconds", "2",
                        // Only the media timeout is under test: a stalled socket is not cut early.
                        "ingest.websocket.idle-timeout-ms", "60000",
                        "ingest.audiosocket.read-timeout-ms", "60000",
                        "ingest.audiosocket-enabled", "true",
                        "ingest.audiosocket-port", "0")),
                sink,
                new IngestMetrics(new SimpleMeterRegistry()),
                null)
            .start();
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void anAnnouncedWebSocketCallOutlivesTheMediaTimeoutWhileFramesFlow() throws Exception {
    assertEquals(201, post("{\"callId\":\"ws1\",\"transport\":\"websocket\"}").statusCode());
    short[] inbound = Signals20ms.twoTones(400, 1100, 6000, FRAMES);
    short[] outbound = Signals20ms.twoTones(650, 1700, 6000, FRAMES);
    WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:" + service.httpPort() + "/v1/media/twilio?token=" + TOKEN),
                new WebSocket.Listener() {})
            .get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    send(ws, "{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
    send(
        ws,
        "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC1\","
            + "\"streamSid\":\"MZ1\",\"callSid\":\"ws1\",\"tracks\":[\"inbound\",\"outbound\"],"
            + "\"customParameters\":{},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\","
            + "\"sampleRate\":8000,\"channels\":1}},\"streamSid\":\"MZ1\"}");
    long start = System.nanoTime();
    for (int i = 0; i < FRAMES; i++) {
      Signals20ms.paceTo(start, i);
      send(ws, media("inbound", i, inbound));
      send(ws, media("outbound", i, outbound));
    }
    await(() -> sink.frames("ws1", Leg.AGENT).size() == FRAMES, "every outbound frame");
    assertTrue(service.registry().isOpen("ws1"), "frames kept the announced call alive");
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done")
        .get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertEquals(204, delete("ws1").statusCode());
    assertEquals(EndReason.HANGUP, sink.ended("ws1").orElseThrow().reason());
    assertEquals(FRAMES, sink.frames("ws1", Leg.CUSTOMER).size());
    assertTrue(Signals20ms.snrDb(inbound, sink.frames("ws1", Leg.CUSTOMER)) >= 30);
  }

  @Test
  void aWebSocketWithoutTheTokenIsRefused() throws Exception {
    CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    http.newWebSocketBuilder()
        .buildAsync(
            URI.create("ws://127.0.0.1:" + service.httpPort() + "/v1/media/twilio"),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String r) {
                closedWith.complete(statusCode);
                return null;
              }
            })
        .get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertEquals(1008, closedWith.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
  }

  @Test
  void anAnnouncedAudioSocketCallCarriesItsLegAndEndsOnHangup() throws Exception {
    UUID uuid = new UUID(0x0123456789ABCDEFL, 0x0FEDCBA987654321L);
    String callId = uuid.toString();
    assertEquals(
        201,
        post("{\"callId\":\""
                + callId
                + "\",\"legs\":[\"customer\"],\"transport\":\"audiosocket\"}")
            .statusCode());
    short[] pcm = Signals20ms.twoTones(300, 900, 6000, FRAMES);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.audioSocketPort())) {
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream id = new ByteArrayOutputStream();
      for (long half : new long[] {uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()}) {
        for (int i = 0; i < 8; i++) {
          id.write((int) (half >>> (56 - 8 * i)));
        }
      }
      writeMessage(out, 0x01, id.toByteArray());
      long start = System.nanoTime();
      for (int f = 0; f < FRAMES; f++) {
        Signals20ms.paceTo(start, f);
        byte[] slin = new byte[320]; // 16-bit little-endian
        for (int i = 0; i < 160; i++) {
          short s = pcm[f * 160 + i];
          slin[2 * i] = (byte) s;
          slin[2 * i + 1] = (byte) (s >> 8);
        }
        writeMessage(out, 0x10, slin);
      }
      writeMessage(out, 0x00, new byte[0]);
      await(() -> sink.ended(callId).isPresent(), "the hangup");
    }
    assertEquals(EndReason.HANGUP, sink.ended(callId).orElseThrow().reason());
    List<AudioFrame> frames = sink.frames(callId, Leg.CUSTOMER);
    assertEquals(FRAMES, frames.size());
    for (int f = 0; f < FRAMES; f++) {
      assertArrayEquals(Arrays.copyOfRange(pcm, f * 160, f * 160 + 160), frames.get(f).samples());
    }
  }

  private static void writeMessage(OutputStream out, int type, byte[] payload) throws Exception {
    out.write(type);
    out.write(payload.length >>> 8);
    out.write(payload.length & 0xFF);
    out.write(payload);
    out.flush();
  }

  private static void send(WebSocket ws, String text) throws Exception {
    ws.sendText(text, true).get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  private static String media(String track, int index, short[] pcm) {
    byte[] mulaw = new byte[160];
    for (int i = 0; i < 160; i++) {
      mulaw[i] = G711.linearToUlaw(pcm[index * 160 + i]);
    }
    return "{\"event\":\"media\",\"sequenceNumber\":\""
        + (index + 2)
        + "\",\"media\":{\"track\":\""
        + track
        + "\",\"chunk\":\""
        + (index + 1)
        + "\",\"timestamp\":\""
        + index * 20
        + "\",\"payload\":\""
        + Base64.getEncoder().encodeToString(mulaw)
        + "\"},\"streamSid\":\"MZ1\"}";
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(
        request("/v1/calls").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String callId) throws Exception {
    return http.send(
        request("/v1/calls/" + callId).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .header("Authorization", "Bearer " + TOKEN);
  }
}
