package io.tonewatch.ingest;

import static io.tonewatch.ingest.RecordingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.config.IngestConfigLoader;
import io.tonewatch.ingest.metrics.IngestMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
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
  void audioSocketServesAtMostMaxConnectionsAndGivesTheFirstSocketTheConfiguredLeg()
      throws Exception {
    start(
        Map.of(
            "ingest.audiosocket-enabled", "true",
            "ingest.audiosocket-port", "0",
            "ingest.audiosocket.max-connections", "1",
            "ingest.audiosocket.first-leg", "agent"));
    UUID first = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
    try (Socket served = connect()) {
      write(served, uuid(first));
      await(() -> service.registry().isOpen(first.toString()), "the first call");
      try (Socket refused = connect()) {
        assertTrue(closedByServer(refused), "the second socket is over the cap of 1");
      }
      assertEquals(1.0, noLegCount());
      for (int f = 0; f < FRAMES; f++) {
        write(served, message(0x10, new byte[320]));
      }
      write(served, message(0x00, new byte[0]));
      await(() -> sink.ended(first.toString()).isPresent(), "the first call's hangup");
    }
    assertEquals(FRAMES, sink.frames(first.toString(), Leg.AGENT).size(), "first-leg=agent");
    assertEquals(EndReason.HANGUP, sink.ended(first.toString()).orElseThrow().reason());

    // The cap is on sockets at once: the freed thread serves the next one once back in its pool.
    UUID next = UUID.fromString("00000000-0000-4000-8000-0000000000d2");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sink.ended(next.toString()).isEmpty() && System.nanoTime() < deadline) {
      try (Socket socket = connect()) {
        write(socket, uuid(next));
        write(socket, message(0x00, new byte[0]));
        closedByServer(socket);
      } catch (IOException refusedMidWrite) {
        // still over the cap: try again
      }
    }
    assertTrue(sink.ended(next.toString()).isPresent(), "a socket is served after the first ends");
  }

  @Test
  void aSilentWebSocketIsClosedAfterTheConfiguredIdleTimeoutNotTheMediaTimeout() throws Exception {
    start(
        Map.of(
            "ingest.media-timeout-seconds", "60",
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
        .get(5, TimeUnit.SECONDS);
    long millis = closedAfterMillis.get(10, TimeUnit.SECONDS);
    assertTrue(millis >= 400, "closed after " + millis + " ms, before the idle timeout");
  }

  private void start(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.put("ingest.http-port", "0");
    all.put("ingest.rtp-port-min", "46480");
    all.put("ingest.rtp-port-max", "46489");
    service =
        new IngestService(IngestConfigLoader.fromMap(all), sink, new IngestMetrics(meters), null)
            .start();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.audioSocketPort());
    socket.setSoTimeout(5_000);
    return socket;
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
