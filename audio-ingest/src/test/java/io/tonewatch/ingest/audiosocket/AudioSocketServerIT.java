package io.tonewatch.ingest.audiosocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.testing.RecordingCalls;
import io.tonewatch.ingest.testing.Signals;
import io.tonewatch.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real TCP clients on 127.0.0.1 speaking AudioSocket to the server. */
class AudioSocketServerIT {
  private static final int FRAMES = 100; // 2 s per leg

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RecordingCalls calls = new RecordingCalls(10);
  private final Random random = new Random(11);
  private AudioSocketServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void twoSocketsForOneUuidBecomeTheCustomerAndAgentLegsWithExactSamples() throws Exception {
    start(patient());
    UUID uuid = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    String callId = uuid.toString();
    short[] customer = Signals.tone(300, 12000, FRAMES * AudioFrame.SAMPLES);
    short[] agent = Signals.tone(950, 7000, FRAMES * AudioFrame.SAMPLES);

    try (Socket first = connect();
        Socket second = connect()) {
      write(first, new AudioSocketWire().uuid(uuid).bytes());
      Await.until("the call open", () -> calls.isOpen(callId));
      write(second, new AudioSocketWire().uuid(uuid).bytes());
      streamInRandomChunks(first, customer);
      streamInRandomChunks(second, agent);
      write(first, new AudioSocketWire().hangup().bytes());
      Await.until("every frame", () -> calls.frames(callId, Leg.CUSTOMER).size() == FRAMES);
      assertNull(calls.ended(callId), "the agent leg is still live");
      write(second, new AudioSocketWire().hangup().bytes());

      Await.until("the call's end", () -> calls.ended(callId) != null);
    }
    assertEquals(Set.of(Leg.CUSTOMER, Leg.AGENT), calls.started(callId).legs());
    assertEquals("audiosocket", calls.started(callId).metadata().get("transport"));
    assertArrayEquals(customer, Signals.concat(calls.frames(callId, Leg.CUSTOMER)));
    assertArrayEquals(agent, Signals.concat(calls.frames(callId, Leg.AGENT)));
    assertEquals(EndReason.HANGUP, calls.ended(callId).reason());
    assertTrue(calls.messages().get(calls.messages().size() - 1) instanceof CallEnded);
  }

  @Test
  void aGarbageStreamIsCountedAndClosedAndTheServerStillServes() throws Exception {
    start(patient());
    byte[] garbage = new byte[20_000];
    random.nextBytes(garbage);
    try (Socket bad = connect()) {
      OutputStream out = bad.getOutputStream();
      try {
        out.write(garbage);
        out.flush();
      } catch (IOException e) {
        // the server may already have closed it
      }
      Await.until("garbage counted", () -> bad());
      assertTrue(waitForEof(bad), "server closed the garbage stream");
    }

    UUID uuid = UUID.fromString("00000000-0000-4000-8000-000000000001");
    short[] pcm = Signals.tone(500, 5000, 10 * AudioFrame.SAMPLES);
    try (Socket good = connect()) {
      write(good, new AudioSocketWire().uuid(uuid).slin(pcm, 0, pcm.length).hangup().bytes());
      Await.until("the call's end", () -> calls.ended(uuid.toString()) != null);
    }
    assertArrayEquals(pcm, Signals.concat(calls.frames(uuid.toString(), Leg.CUSTOMER)));
  }

  @Test
  void withATokenOnlyCallsAnnouncedThroughTheControlApiAreServed() throws Exception {
    start(patient().withToken("s3cret"));
    UUID stranger = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    UUID announced = UUID.fromString("00000000-0000-4000-8000-0000000000bb");
    calls.open(announced.toString(), Set.of(Leg.CUSTOMER, Leg.AGENT), Map.of("agent", "a-1"));

    try (Socket refused = connect()) {
      write(refused, new AudioSocketWire().uuid(stranger).bytes());
      assertTrue(waitForEof(refused));
    }
    assertEquals(1, count("unauthorized"));
    assertNull(calls.started(stranger.toString()));

    short[] pcm = Signals.tone(700, 4000, 5 * AudioFrame.SAMPLES);
    try (Socket ok = connect()) {
      write(ok, new AudioSocketWire().uuid(announced).slin(pcm, 0, pcm.length).hangup().bytes());
      Await.until("the call's end", () -> calls.ended(announced.toString()) != null);
    }
    assertEquals(5, calls.frames(announced.toString(), Leg.CUSTOMER).size());
  }

  @Test
  void aSilentSocketEndsItsCallWithAMediaTimeout() throws Exception {
    start(AudioSocketSettings.defaults(0).withReadTimeoutMillis(300));
    UUID uuid = UUID.fromString("00000000-0000-4000-8000-0000000000cc");
    try (Socket idle = connect()) {
      write(idle, new AudioSocketWire().uuid(uuid).bytes());
      Await.until("the call's end", () -> calls.ended(uuid.toString()) != null);
    }
    assertEquals(EndReason.MEDIA_TIMEOUT, calls.ended(uuid.toString()).reason());
  }

  /**
   * The defaults with a read timeout only a hang reaches: the tests that are not about the timeout
   * must not lose a leg because a loaded machine left a socket unread for a few seconds.
   */
  private static AudioSocketSettings patient() {
    return AudioSocketSettings.defaults(0).withReadTimeoutMillis((int) Await.PATIENCE.toMillis());
  }

  private void start(AudioSocketSettings settings) {
    server = new AudioSocketServer(settings, calls, calls, new IngestMetrics(registry));
    server.start();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** Sends the leg as 20 ms slin messages, cut into TCP writes of 1-700 bytes. */
  private void streamInRandomChunks(Socket socket, short[] pcm) throws IOException {
    AudioSocketWire wire = new AudioSocketWire();
    for (int at = 0; at < pcm.length; at += AudioFrame.SAMPLES) {
      wire.slin(pcm, at, AudioFrame.SAMPLES);
    }
    byte[] bytes = wire.bytes();
    OutputStream out = socket.getOutputStream();
    int at = 0;
    while (at < bytes.length) {
      int n = Math.min(bytes.length - at, 1 + random.nextInt(700));
      out.write(bytes, at, n);
      out.flush();
      at += n;
    }
  }

  private static void write(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  /** True when the server closes its side (read returns -1 or the connection resets). */
  private static boolean waitForEof(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      return in.read() < 0;
    } catch (IOException e) {
      return !(e instanceof java.net.SocketTimeoutException);
    }
  }

  private boolean bad() {
    return count("malformed") + count("unknown_payload") + count("oversized") > 0;
  }

  private double count(String outcome) {
    return registry
        .get("tonewatch.ingest.packets")
        .tag("source", "audiosocket")
        .tag("outcome", outcome)
        .counter()
        .count();
  }
}
