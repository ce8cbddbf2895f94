package io.tonewatch.ingest;

import static io.tonewatch.ingest.RecordingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.config.IngestConfigLoader;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.testing.Await;
import io.tonewatch.testing.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code ingest.websocket.*} and {@code ingest.audiosocket.*} settings reach the servers {@link
 * IngestService} starts: real sockets on 127.0.0.1, non-default values, their effect observed.
 */
class FrontEndSettingsIT {
  private static final int FRAMES = 5;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RecordingSink sink = new RecordingSink();
  private IngestService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void theLegCapHoldsOverAudioSocketAndRtpAndEachRefusalIsCounted() throws Exception {
    // Without a token an AudioSocket call opens with both legs: a cap of 2 is one such call.
    start(
        Map.of(
            "ingest.audiosocket-enabled", "true",
            "ingest.audiosocket-port", "0",
            "ingest.max-legs", "2",
            "ingest.audiosocket.read-timeout-ms", "60000", // an idle socket stays until closed
            "ingest.audiosocket.first-leg", "agent"));
    UUID first = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
    try (Socket served = connect()) {
      write(served, uuid(first));
      await(() -> service.registry().isOpen(first.toString()), "the first call");
      try (Socket second = connect()) {
        write(second, uuid(UUID.fromString("00000000-0000-4000-8000-0000000000d9")));
        assertTrue(closedByServer(second), "a second call is over the cap of 2 legs");
      }
      assertEquals(1.0, noLegCount());
      assertEquals(2.0, legsRefused(), "the second call's two legs");
      assertEquals(503, announce("{\"callId\":\"rtp-1\",\"legs\":[\"agent\"]}"));
      assertEquals(3.0, legsRefused(), "the same cap refuses an RTP leg");
      await(() -> gauge("audiosocket.connections") == 1, "the second socket let go");
      try (Socket idle = connect()) {
        await(() -> gauge("audiosocket.connections") == 2, "a socket that names no call yet");
        try (Socket beyond = connect()) {
          assertTrue(closedByServer(beyond), "a third socket is beyond 2 legs' worth");
        }
      }
      assertEquals(2.0, noLegCount());
      assertEquals(4.0, legsRefused(), "the socket beyond the cap");
      for (int f = 0; f < FRAMES; f++) {
        write(served, message(0x10, new byte[320]));
      }
      write(served, message(0x00, new byte[0]));
      await(() -> sink.ended(first.toString()).isPresent(), "the first call's hangup");
    }
    assertEquals(FRAMES, sink.frames(first.toString(), Leg.AGENT).size(), "first-leg=agent");
    assertEquals(EndReason.HANGUP, sink.ended(first.toString()).orElseThrow().reason());

    // The cap is on legs at once: once the first call's socket is let go, the next is served.
    await(() -> gauge("audiosocket.connections") == 0, "every socket let go");
    UUID next = UUID.fromString("00000000-0000-4000-8000-0000000000d2");
    try (Socket socket = connect()) {
      write(socket, uuid(next));
      write(socket, message(0x00, new byte[0]));
      await(() -> sink.ended(next.toString()).isPresent(), "the next call's hangup");
    }
    assertEquals(4.0, legsRefused(), "nothing refused once legs were free");
  }

  @Test
  void aSilentWebSocketIsClosedAfterTheConfiguredIdleTimeoutNotTheMediaTimeout() throws Exception {
    start(
        Map.of(
            "ingest.media-timeout-seconds", "3600",
            "ingest.websocket.idle-timeout-ms", "500"));
    CompletableFuture<Long> closedAfterMillis = new CompletableFuture<>();
    long opened = System.nanoTime();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedAfterMillis.complete(elapsedMillis(opened));
            return null;
          }

          @Override
          public void onError(WebSocket webSocket, Throwable error) {
            closedAfterMillis.complete(elapsedMillis(opened));
          }
        };
    HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(
            URI.create("ws://127.0.0.1:" + service.httpPort() + "/v1/media/twilio"), listener)
        .get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    // Closed at all within the patience shows the idle timeout at work, not the hour-long media
    // timeout; the lower bound holds however slow the machine, as the clock starts before connect.
    long millis = closedAfterMillis.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertTrue(millis >= 500, "closed after " + millis + " ms, before the idle timeout");
  }

  private void start(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.put("ingest.http-port", "0");
    int rtpPortMin = FreePorts.udpRange(10);
    all.put("ingest.rtp-port-min", Integer.toString(rtpPortMin));
    all.put("ingest.rtp-port-max", Integer.toString(rtpPortMin + 9));
    service =
        new IngestService(IngestConfigLoader.fromMap(all), sink, new IngestMetrics(meters), null)
            .start();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.audioSocketPort());
    socket.setSoTimeout((int) Await.PATIENCE.toMillis());
    return socket;
  }

  private double legsRefused() {
    return meters.get("tonewatch.ingest.legs.refused").counter().count();
  }

  private double gauge(String name) {
    return meters.get("tonewatch.ingest." + name).gauge().value();
  }

  private int announce(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/v1/calls"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private double noLegCount() {
    return meters
        .get("tonewatch.ingest.packets")
        .tag("source", "audiosocket")
        .tag("outcome", "no_leg")
        .counter()
        .count();
  }

  /** True when the server closes its side (end of stream or a reset) before the read timeout. */
  private static boolean closedByServer(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      return in.read() < 0;
    } catch (IOException e) {
      return !(e instanceof SocketTimeoutException);
    }
  }

  private static byte[] uuid(UUID uuid) {
    byte[] id = new byte[16];
    for (int i = 0; i < 8; i++) {
      id[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
      id[8 + i] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
    }
    return message(0x01, id);
  }

  /** One AudioSocket message: type, 16-bit big-endian length, payload. */
  private static byte[] message(int type, byte[] payload) {
    byte[] bytes = new byte[3 + payload.length];
    bytes[0] = (byte) type;
    bytes[1] = (byte) (payload.length >>> 8);
    bytes[2] = (byte) payload.length;
    System.arraycopy(payload, 0, bytes, 3, payload.length);
    return bytes;
  }

  private static void write(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  private static long elapsedMillis(long sinceNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
  }
}
