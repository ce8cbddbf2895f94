package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import io.tonewatch.events.Leg;
import io.tonewatch.media.codec.G711;
import io.tonewatch.media.wav.PcmAudio;
import io.tonewatch.media.wav.WavWriter;
import io.tonewatch.simulator.LegIdentity;
import io.tonewatch.simulator.audiosocket.AudioSocketCallTransport;
import io.tonewatch.simulator.rtp.Impairer;
import io.tonewatch.simulator.rtp.Impairment;
import io.tonewatch.testing.Await;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tonewatch simulate} against real sockets on 127.0.0.1: an in-test control API with UDP
 * receivers, a WebSocket server and an AudioSocket listener standing in for the ingest service.
 */
class SimulateCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RATE_HZ = 8000;
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @TempDir Path dir;
  private short[] customer;
  private short[] agent;
  private final List<AutoCloseable> closeAfter = new ArrayList<>();

  @BeforeEach
  void writeCall() {
    customer = tone(1, 310, 0.3);
    agent = tone(1, 520, 0.2);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closeAfter) {
      c.close();
    }
  }

  /** {@code seconds} of a sine with a little seeded noise, so every frame differs. */
  private static short[] tone(double seconds, double hz, double amplitude) {
    SplittableRandom noise = new SplittableRandom((long) hz);
    short[] samples = new short[(int) Math.round(seconds * RATE_HZ)];
    for (int i = 0; i < samples.length; i++) {
      double v = amplitude * Math.sin(2 * Math.PI * hz * i / RATE_HZ) + 0.01 * noise.nextGaussian();
      samples[i] = (short) Math.round(v * 32767);
    }
    return samples;
  }

  private Path stereo(String name, double seconds) throws IOException {
    Path file = dir.resolve(name);
    WavWriter.write(
        file,
        new PcmAudio(RATE_HZ, new short[][] {tone(seconds, 310, 0.3), tone(seconds, 520, 0.2)}));
    return file;
  }

  private short[] source(Leg leg, int frame) {
    short[] all = leg == Leg.CUSTOMER ? customer : agent;
    return Arrays.copyOfRange(all, frame * 160, frame * 160 + 160);
  }

  // --- a stand-in control API with one UDP receiver per announced leg -----------------------

  private record Request(String method, String path, String authorization, String body) {}

  private final class FakeControlApi implements AutoCloseable {
    final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, Map<Leg, DatagramSocket>> receivers = new ConcurrentHashMap<>();
    volatile int postStatus = 201;

    FakeControlApi() throws IOException {
      server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
      server.createContext("/v1/calls", this::handle);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      requests.add(
          new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
      if (method.equals("POST") && postStatus == 201) {
        JsonNode call = JSON.readTree(body);
        Map<Leg, DatagramSocket> legs = new EnumMap<>(Leg.class);
        StringBuilder ports = new StringBuilder();
        for (JsonNode leg : call.get("legs")) {
          DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
          legs.put(Leg.fromWireName(leg.asText()), socket);
          ports
              .append(ports.length() == 0 ? "" : ",")
              .append("\"" + leg.asText() + "\":{\"rtpPort\":" + socket.getLocalPort())
              .append(",\"rtcpPort\":" + (socket.getLocalPort() + 1) + "}");
        }
        receivers.put(call.get("callId").asText(), legs);
        respond(
            exchange,
            201,
            "{\"callId\":\""
                + call.get("callId").asText()
                + "\",\"host\":\"127.0.0.1\","
                + "\"legs\":{"
                + ports
                + "}}");
      } else if (method.equals("POST")) {
        respond(exchange, postStatus, "{\"error\":\"no\"}");
      } else {
        respond(exchange, 204, null);
      }
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
      if (body != null) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    }

    @Override
    public void close() {
      server.stop(0);
      receivers.values().forEach(m -> m.values().forEach(DatagramSocket::close));
    }
  }

  /** {@code tonewatch simulate FILE OPTIONS --no-progress} in this JVM; options split at spaces. */
  private static CliRun simulate(Path file, String options) {
    List<String> args = new ArrayList<>(List.of("simulate", file.toString()));
    args.addAll(List.of(options.split(" ")));
    args.add("--no-progress");
    return CliRun.of(args.toArray(String[]::new));
  }

  private FakeControlApi controlApi() throws IOException {
    FakeControlApi api = new FakeControlApi();
    closeAfter.add(api);
    return api;
  }

  /**
   * Everything that reached {@code socket}: waits for {@code expected} packets, then takes any more
   * until the socket has been quiet for 100 ms, so that extra packets show too.
   */
  private static List<ByteBuffer> drain(DatagramSocket socket, int expected) throws IOException {
    List<ByteBuffer> packets = new ArrayList<>();
    socket.setSoTimeout(100);
    Await.until(
        expected + " packets on port " + socket.getLocalPort(),
        () -> receiveInto(socket, packets) && packets.size() >= expected);
    while (receiveInto(socket, packets)) {
      // keep taking what is there
    }
    return packets;
  }

  /** Adds one datagram to {@code packets}; false when none came within the socket's timeout. */
  private static boolean receiveInto(DatagramSocket socket, List<ByteBuffer> packets) {
    DatagramPacket datagram = new DatagramPacket(new byte[2048], 2048);
    try {
      socket.receive(datagram);
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    packets.add(ByteBuffer.wrap(Arrays.copyOf(datagram.getData(), datagram.getLength())));
    return true;
  }

  private static int sequence(ByteBuffer packet) {
    return packet.getShort(2) & 0xFFFF;
  }

  // --- RTP ---------------------------------------------------------------------------------

  @Test
  void rtpAnnouncesTheCallSendsEveryFrameOfBothLegsThenDeletesIt() throws Exception {
    FakeControlApi api = controlApi();
    Path call = stereo("call.wav", 1);

    CliRun run = simulate(call, "--control " + api.url() + " --token s3cret --seed 1");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, api.requests.size(), api.requests.toString());
    Request post = api.requests.get(0);
    assertEquals("POST", post.method());
    assertEquals("/v1/calls", post.path());
    assertEquals("Bearer s3cret", post.authorization());
    assertEquals(
        JSON.readTree(
            "{\"callId\":\"sim-1\",\"legs\":[\"customer\",\"agent\"],"
                + "\"metadata\":{\"source\":\"simulate\"}}"),
        JSON.readTree(post.body()));
    Request delete = api.requests.get(1);
    assertEquals("DELETE", delete.method());
    assertEquals("/v1/calls/sim-1", delete.path());
    assertEquals("Bearer s3cret", delete.authorization());

    for (Leg leg : Leg.values()) {
      List<ByteBuffer> packets = drain(api.receivers.get("sim-1").get(leg), 50);
      LegIdentity id = LegIdentity.of(1, 1, leg, null);
      assertEquals(50, packets.size(), leg + " packets");
      for (int i = 0; i < packets.size(); i++) {
        ByteBuffer p = packets.get(i);
        assertEquals(12 + 160, p.limit());
        assertEquals(0x80, p.get(0) & 0xFF, "V=2, no padding, extension or CSRCs");
        assertEquals(i == 0 ? 0x80 : 0x00, p.get(1) & 0x80, "marker on the first packet only");
        assertEquals(0, p.get(1) & 0x7F, "PCMU");
        assertEquals((id.initialSequence() + i) & 0xFFFF, sequence(p));
        assertEquals(id.initialTimestamp() + 160 * i, p.getInt(4));
        assertEquals(id.ssrc(), p.getInt(8));
        byte[] payload = Arrays.copyOfRange(p.array(), 12, p.limit());
        short[] expected = source(leg, i);
        for (int s = 0; s < 160; s++) {
          assertEquals(G711.linearToUlaw(expected[s]), payload[s], leg + " frame " + i);
        }
      }
    }
    assertTrue(run.out().contains("100 RTP packets (customer 50, agent 50)"), run.out());
    assertTrue(run.out().contains("1 started, 1 played to the end"), run.out());
  }

  @Test
  void lossAndReorderingFollowTheSeededPlanPacketForPacket() throws Exception {
    FakeControlApi api = controlApi();
    Path call = stereo("call.wav", 2);

    CliRun run = simulate(call, "--control " + api.url() + " --seed 1 --loss 5 --reorder 5");

    assertEquals(0, run.exitCode(), run.err());
    Impairment impairment = new Impairment(5, 5, 1, 0, 0);
    long lost = 0;
    long reordered = 0;
    for (Leg leg : Leg.values()) {
      int firstSequence = LegIdentity.of(1, 1, leg, null).initialSequence();
      Impairer<Integer> plan = new Impairer<>(impairment, Impairer.legSeed(1, 1, leg));
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        plan.offer(i).forEach(s -> expected.add((firstSequence + s.packet()) & 0xFFFF));
      }
      plan.finish().forEach(s -> expected.add((firstSequence + s.packet()) & 0xFFFF));
      lost += plan.lost();
      reordered += plan.reordered();

      List<Integer> arrived =
          drain(api.receivers.get("sim-1").get(leg), expected.size()).stream()
              .map(SimulateCommandIT::sequence)
              .toList();
      assertEquals(expected, arrived, leg + ": the packets and their order");
      assertEquals(100 - plan.lost(), arrived.size());
    }
    assertTrue(
        lost > 0 && reordered > 0, "the seed should exercise both: " + lost + ", " + reordered);
    assertTrue(
        run.out().contains("by design      " + lost + " lost, " + reordered + " reordered"),
        run.out());
  }

  @Test
  void staticModeSendsCallNToPortsBasePlus4NAndForcesTheSequenceWrap() throws Exception {
    List<DatagramSocket> sockets = fourEvenPorts();
    int base = sockets.get(0).getLocalPort();
    Path call = stereo("call.wav", 1);

    CliRun run =
        simulate(
            call,
            "--static 127.0.0.1:"
                + base
                + " --calls 2 --codec pcma --seq-start 65530"
                + " --stagger 0 --seed 9");

    assertEquals(0, run.exitCode(), run.err());
    List<Integer> ssrcs = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      List<ByteBuffer> packets = drain(sockets.get(k), 50);
      assertEquals(50, packets.size(), "port " + (base + 2 * k));
      ssrcs.add(packets.get(0).getInt(8));
      for (int i = 0; i < 50; i++) {
        assertEquals(8, packets.get(i).get(1) & 0x7F, "PCMA");
        assertEquals((65530 + i) & 0xFFFF, sequence(packets.get(i)));
      }
      int number = k / 2 + 1;
      Leg leg = k % 2 == 0 ? Leg.CUSTOMER : Leg.AGENT;
      assertEquals(LegIdentity.of(9, number, leg, 65530).ssrc(), packets.get(0).getInt(8));
      byte[] payload = Arrays.copyOfRange(packets.get(7).array(), 12, 172);
      assertEquals(G711.linearToAlaw(source(leg, 7)[3]), payload[3]);
    }
    assertEquals(4, ssrcs.stream().distinct().count(), "every leg its own SSRC");
  }

  /** Sockets on four free ports P, P+2, P+4, P+6 of 127.0.0.1, P chosen by the OS. */
  private List<DatagramSocket> fourEvenPorts() throws SocketException {
    for (int attempt = 0; attempt < 50; attempt++) {
      DatagramSocket first = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
      int base = first.getLocalPort();
      List<DatagramSocket> sockets = new ArrayList<>(List.of(first));
      try {
        for (int k = 1; k < 4; k++) {
          sockets.add(new DatagramSocket(new InetSocketAddress(LOOPBACK, base + 2 * k)));
        }
        sockets.forEach(s -> closeAfter.add(s::close));
        return sockets;
      } catch (SocketException | IllegalArgumentException takenOrPastTheTop) {
        sockets.forEach(DatagramSocket::close);
      }
    }
    throw new AssertionError("no four free ports P, P+2, P+4, P+6 found");
  }

  // --- failures ------------------------------------------------------------------------------

  @Test
  void anUnreachableControlApiIsOneSentenceAndExitOne() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
      closedPort = probe.getLocalPort();
    }
    CliRun run = simulate(stereo("call.wav", 1), "--control http://127.0.0.1:" + closedPort);

    assertEquals(1, run.exitCode(), run.err());
    String last = run.errLines().get(run.errLines().size() - 1);
    assertTrue(last.startsWith("tonewatch simulate: cannot reach the ingest control API"), last);
    assertTrue(last.contains("connection refused"), last);
    assertEquals(2, run.errLines().size(), run.err()); // the start line, then the failure
  }

  @Test
  void aRefusedTokenAndAFullServiceAreOneSentenceAndExitOne() throws Exception {
    FakeControlApi api = controlApi();
    Path call = stereo("call.wav", 1);

    api.postStatus = 401;
    CliRun unauthorized = simulate(call, "--control " + api.url());
    api.postStatus = 503;
    CliRun full = simulate(call, "--control " + api.url());

    assertEquals(1, unauthorized.exitCode(), unauthorized.err());
    assertTrue(
        unauthorized.err().contains("(HTTP 401): pass its token with --token"), unauthorized.err());
    assertEquals(1, full.exitCode(), full.err());
    assertTrue(full.err().contains("cannot announce sim-1 now (HTTP 503"), full.err());
    assertTrue(api.requests.stream().noneMatch(r -> r.method().equals("DELETE")));
  }

  // --- Twilio Media Streams over WebSocket ---------------------------------------------------

  @Test
  void websocketSendsTheTwilioSequenceWithBothTracks() throws Exception {
    List<String> messages = new CopyOnWriteArrayList<>();
    List<String> auth = new CopyOnWriteArrayList<>();
    Javalin server =
        Javalin.create()
            .ws(
                "/v1/media/twilio",
                ws -> {
                  ws.onConnect(
                      ctx -> {
                        auth.add(ctx.header("Authorization"));
                        auth.add(ctx.queryParam("token"));
                      });
                  ws.onMessage(ctx -> messages.add(ctx.message()));
                })
            .start("127.0.0.1", 0);
    closeAfter.add(server::stop);
    String url = "ws://127.0.0.1:" + server.port() + "/v1/media/twilio";

    CliRun run =
        simulate(
            stereo("call.wav", 1), "--mode websocket --ws-url " + url + " --token tok --seed 1");

    assertEquals(0, run.exitCode(), run.err());
    awaitSize(messages, 1 + 1 + 100 + 1);
    assertEquals(List.of("Bearer tok", "tok"), auth);
    List<JsonNode> json = new ArrayList<>();
    for (String m : messages) {
      json.add(JSON.readTree(m));
    }
    assertEquals("connected", json.get(0).get("event").asText());
    JsonNode start = json.get(1);
    assertEquals("start", start.get("event").asText());
    assertEquals("sim-1", start.at("/start/callSid").asText());
    assertEquals("sim-1", start.at("/start/customParameters/callId").asText());
    assertEquals("[\"inbound\",\"outbound\"]", start.at("/start/tracks").toString());
    assertEquals("audio/x-mulaw", start.at("/start/mediaFormat/encoding").asText());
    String streamSid = start.at("/start/streamSid").asText();
    assertTrue(streamSid.matches("MZ[0-9a-f]{32}"), streamSid);
    JsonNode stop = json.get(json.size() - 1);
    assertEquals("stop", stop.get("event").asText());
    assertEquals("sim-1", stop.at("/stop/callSid").asText());

    Map<String, Integer> chunks = new ConcurrentHashMap<>();
    for (int i = 2; i < json.size() - 1; i++) {
      JsonNode media = json.get(i);
      assertEquals("media", media.get("event").asText());
      assertEquals(Integer.toString(i), media.get("sequenceNumber").asText());
      assertEquals(streamSid, media.get("streamSid").asText());
      String track = media.at("/media/track").asText();
      int chunk = chunks.merge(track, 1, Integer::sum);
      assertEquals(Integer.toString(chunk), media.at("/media/chunk").asText());
      assertEquals(Integer.toString((chunk - 1) * 20), media.at("/media/timestamp").asText());
      byte[] ulaw = Base64.getDecoder().decode(media.at("/media/payload").asText());
      short[] expected = source(track.equals("inbound") ? Leg.CUSTOMER : Leg.AGENT, chunk - 1);
      assertEquals(160, ulaw.length);
      assertEquals(G711.linearToUlaw(expected[80]), ulaw[80]);
    }
    assertEquals(Map.of("inbound", 50, "outbound", 50), chunks);
  }

  private static void awaitSize(List<?> list, int size) {
    Await.until(size + " messages", () -> list.size() >= size);
    assertEquals(size, list.size(), "messages received");
  }

  // --- AudioSocket ---------------------------------------------------------------------------

  private record AudioSocketLeg(byte[] uuid, List<byte[]> audio, boolean hungUp) {}

  @Test
  void audiosocketOpensOneConnectionPerLegWithTheSameUuidAnnouncedWithTheToken() throws Exception {
    FakeControlApi api = controlApi();
    ServerSocket listener = new ServerSocket(0, 4, LOOPBACK);
    closeAfter.add(listener);
    List<AudioSocketLeg> legs = new CopyOnWriteArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                List<Thread> readers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                  Socket socket = listener.accept();
                  Thread reader = new Thread(() -> legs.add(read(socket)));
                  reader.start();
                  readers.add(reader);
                }
                for (Thread reader : readers) {
                  reader.join(Await.PATIENCE.toMillis());
                }
              } catch (IOException | InterruptedException e) {
                // the listener closed: the test's assertions report what is missing
              }
            });
    acceptor.start();

    CliRun run =
        simulate(
            stereo("call.wav", 1),
            "--mode audiosocket --audiosocket 127.0.0.1:" + listener.getLocalPort() + " --seed 1");

    assertEquals(0, run.exitCode(), run.err());
    Await.until("both AudioSocket legs read to their end", () -> legs.size() == 2);
    acceptor.join(Await.PATIENCE.toMillis());
    assertEquals(2, legs.size());
    ByteBuffer expectedUuid = ByteBuffer.allocate(16);
    var uuid = AudioSocketCallTransport.uuidOf(1, "sim-1");
    expectedUuid.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    List<short[]> firstFrames = new ArrayList<>();
    for (AudioSocketLeg leg : legs) {
      assertArrayEquals(expectedUuid.array(), leg.uuid());
      assertEquals(50, leg.audio().size());
      assertTrue(leg.hungUp(), "ends with a hangup");
      ByteBuffer first =
          ByteBuffer.wrap(leg.audio().get(0)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      short[] samples = new short[160];
      first.asShortBuffer().get(samples);
      firstFrames.add(samples);
    }
    // One connection carries the customer, the other the agent, sample for sample.
    List<short[]> sources = List.of(source(Leg.CUSTOMER, 0), source(Leg.AGENT, 0));
    for (short[] frame : firstFrames) {
      assertTrue(
          sources.stream().anyMatch(s -> Arrays.equals(s, frame)), "a frame of one of the legs");
    }
    assertNotEquals(Arrays.toString(firstFrames.get(0)), Arrays.toString(firstFrames.get(1)));
  }

  private static AudioSocketLeg read(Socket socket) {
    byte[] uuid = null;
    List<byte[]> audio = new ArrayList<>();
    try (socket;
        DataInputStream in = new DataInputStream(socket.getInputStream())) {
      socket.setSoTimeout((int) Await.PATIENCE.toMillis());
      while (true) {
        int kind = in.readUnsignedByte();
        byte[] payload = new byte[in.readUnsignedShort()];
        in.readFully(payload);
        switch (kind) {
          case 0x01 -> uuid = payload;
          case 0x10 -> audio.add(payload);
          case 0x00 -> {
            return new AudioSocketLeg(uuid, audio, true);
          }
          default -> throw new AssertionError("unexpected kind " + kind);
        }
      }
    } catch (EOFException e) {
      return new AudioSocketLeg(uuid, audio, false);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
