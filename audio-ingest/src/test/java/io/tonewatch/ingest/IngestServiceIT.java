package io.tonewatch.ingest;

import static io.tonewatch.ingest.RecordingSink.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.config.IngestConfigLoader;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.testing.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole service on 127.0.0.1: real HTTP, real RTP over UDP, a recording sink. */
class IngestServiceIT {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final String TOKEN = "it-token-5f1c";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RecordingSink sink = new RecordingSink();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private IngestService service;
  private int rtpPortMin;
  private int rtpPortMax;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void anAnnouncedCallDeliversBothLegsWithG711QualityAndEndsOnDelete() throws Exception {
    start(100, Map.of());
    HttpResponse<String> created =
        post(
            "{\"callId\":\"c1\",\"legs\":[\"customer\",\"agent\"],"
                + "\"metadata\":{\"agent\":\"a7\",\"queue\":\"billing\"},\"transport\":\"rtp\"}",
            TOKEN);
    assertEquals(201, created.statusCode(), created.body());
    JsonNode answer = json.readTree(created.body());
    assertEquals("127.0.0.1", answer.get("host").asText());
    int customerPort = answer.at("/legs/customer/rtpPort").asInt();
    int agentPort = answer.at("/legs/agent/rtpPort").asInt();
    assertEquals(customerPort + 1, answer.at("/legs/customer/rtcpPort").asInt());
    assertTrue(customerPort >= rtpPortMin && agentPort < rtpPortMax && customerPort != agentPort);

    int frames = 100; // 2 s; the sequence numbers wrap after 56 packets
    short[] customer = Signals20ms.twoTones(350, 1250, 7000, frames);
    short[] agent = Signals20ms.twoTones(620, 1810, 5000, frames);
    try (RtpSender c = new RtpSender(LOOPBACK, customerPort, 0x1234ABCDL, 65_480, 4_000_000_000L);
        RtpSender a = new RtpSender(LOOPBACK, agentPort, 0x0BADF00DL, 17, 99)) {
      long start = System.nanoTime();
      for (int i = 0; i < frames; i++) {
        Signals20ms.paceTo(start, i);
        c.sendPcmu(customer, i * 160);
        a.sendPcmu(agent, i * 160);
      }
    }
    await(() -> sink.frames("c1", Leg.AGENT).size() >= frames - 5, "most agent frames");
    JsonNode listed = json.readTree(get("/v1/calls", TOKEN).body());
    assertEquals("c1", listed.at("/calls/0/callId").asText());
    assertEquals(customerPort, listed.at("/calls/0/legs/customer/rtpPort").asInt());
    assertEquals(204, delete("c1", TOKEN).statusCode());

    List<AudioMessage> messages = sink.of("c1");
    CallStarted started = assertInstanceOf(CallStarted.class, messages.get(0));
    assertEquals(Map.of("agent", "a7", "queue", "billing"), started.metadata());
    assertEquals(java.util.Set.of(Leg.CUSTOMER, Leg.AGENT), started.legs());
    CallEnded ended = assertInstanceOf(CallEnded.class, messages.get(messages.size() - 1));
    assertEquals(EndReason.HANGUP, ended.reason());
    assertEquals(2 + 2 * frames, messages.size(), "start, every frame of both legs, end");
    assertLegIs(customer, sink.frames("c1", Leg.CUSTOMER), frames);
    assertLegIs(agent, sink.frames("c1", Leg.AGENT), frames);
    assertEquals(404, delete("c1", TOKEN).statusCode(), "an ended call is unknown");
  }

  @Test
  void aStereoStreamCarriesBothLegsOnOnePort() throws Exception {
    start(10, Map.of());
    HttpResponse<String> created =
        post("{\"callId\":\"st\",\"layout\":\"stereo\",\"legs\":[\"customer\",\"agent\"]}", TOKEN);
    assertEquals(201, created.statusCode(), created.body());
    JsonNode answer = json.readTree(created.body());
    int port = answer.at("/legs/customer/rtpPort").asInt();
    assertEquals(port, answer.at("/legs/agent/rtpPort").asInt());
    int frames = 25;
    short[] left = Signals20ms.twoTones(400, 900, 6000, frames);
    short[] right = Signals20ms.twoTones(700, 2100, 6000, frames);
    try (RtpSender s = new RtpSender(LOOPBACK, port, 77, 1000, 0)) {
      long start = System.nanoTime();
      for (int i = 0; i < frames; i++) {
        Signals20ms.paceTo(start, i);
        s.sendL16Stereo(left, right, i * 160);
      }
    }
    assertEquals(204, delete("st", TOKEN).statusCode());
    List<AudioFrame> customer = sink.frames("st", Leg.CUSTOMER);
    List<AudioFrame> agent = sink.frames("st", Leg.AGENT);
    assertEquals(frames, customer.size());
    assertEquals(frames, agent.size());
    for (int i = 0; i < frames; i++) {
      assertArrayEquals(
          Arrays.copyOfRange(left, i * 160, i * 160 + 160), customer.get(i).samples());
      assertArrayEquals(Arrays.copyOfRange(right, i * 160, i * 160 + 160), agent.get(i).samples());
    }
  }

  @Test
  void refusesBadRequestsWithTheRightStatusAndOneSentence() throws Exception {
    start(6, Map.of("ingest.max-legs", "5")); // three pairs
    assertEquals(401, post("{\"callId\":\"x\"}", null).statusCode());
    assertEquals(401, post("{\"callId\":\"x\"}", "wrong").statusCode());
    assertEquals(401, get("/v1/calls", null).statusCode());
    assertEquals(200, get("/health", null).statusCode(), "health needs no token");
    assertBadRequest("{\"callId\":", "not valid JSON");
    assertBadRequest("[1,2]", "JSON object");
    assertBadRequest("{\"legs\":[\"customer\"]}", "'callId'");
    assertBadRequest("{\"callId\":\"x\",\"legs\":[\"caller\"]}", "'legs'");
    assertBadRequest("{\"callId\":\"x\",\"legs\":[\"agent\",\"agent\"]}", "twice");
    assertBadRequest("{\"callId\":\"x\",\"transport\":\"sip\"}", "'transport'");
    assertBadRequest("{\"callId\":\"x\",\"layout\":\"stereo\",\"legs\":[\"agent\"]}", "stereo");
    assertBadRequest("{\"callId\":\"x\",\"colour\":\"red\"}", "'colour'");
    assertBadRequest("{\"callId\":\"x\",\"metadata\":{\"a\":{\"b\":1}}}", "string");
    assertEquals(0, service.registry().activeCalls(), "refused requests admit nothing");

    assertEquals(201, post("{\"callId\":\"a\"}", TOKEN).statusCode());
    assertEquals(409, post("{\"callId\":\"a\",\"legs\":[\"agent\"]}", TOKEN).statusCode());
    assertEquals(201, post("{\"callId\":\"b\",\"legs\":[\"agent\"]}", TOKEN).statusCode());
    HttpResponse<String> noPorts = post("{\"callId\":\"c\",\"legs\":[\"agent\"]}", TOKEN);
    assertEquals(503, noPorts.statusCode());
    assertEquals("No RTP ports are free.", json.readTree(noPorts.body()).get("error").asText());
    HttpResponse<String> ws = post("{\"callId\":\"w\",\"transport\":\"websocket\"}", TOKEN);
    assertEquals(201, ws.statusCode(), "no port needed: 5 legs now");
    assertFalse(json.readTree(ws.body()).has("host"));
    HttpResponse<String> limit = post("{\"callId\":\"d\",\"transport\":\"audiosocket\"}", TOKEN);
    assertEquals(503, limit.statusCode());
    assertTrue(json.readTree(limit.body()).get("error").asText().contains("legs"));
    assertEquals(404, delete("nope", TOKEN).statusCode());
    assertEquals(204, delete("w", TOKEN).statusCode());
    JsonNode listed = json.readTree(get("/v1/calls", TOKEN).body());
    assertEquals(2, listed.get("calls").size());
    JsonNode health = json.readTree(get("/health", null).body());
    assertEquals(3, health.get("legs").asInt());
    HttpResponse<String> metrics = get("/metrics", null);
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("scrape of"), metrics.body());
  }

  @Test
  void staticModeByPortMakesThePairOneCallNamedAfterThePairWhicheverLegComesFirst()
      throws Exception {
    int staticMin = FreePorts.udpRange(8);
    start(
        10,
        Map.of(
            "ingest.static.port-min", Integer.toString(staticMin),
            "ingest.static.port-max", Integer.toString(staticMin + 7),
            "ingest.media-timeout-seconds", "3"));
    assertEquals(
        List.of(staticMin, staticMin + 2, staticMin + 4, staticMin + 6), service.staticRtpPorts());
    int frames = 25;
    short[] customer = Signals20ms.twoTones(300, 1000, 6000, frames);
    short[] agent = Signals20ms.twoTones(500, 1500, 6000, frames);
    // The second pair: customer on its first port, agent on the one after. The agent's first
    // packet goes alone, so that it certainly opens the call.
    int pair = staticMin + 4;
    String callId = "static-" + pair + "-5151";
    try (RtpSender c = new RtpSender(LOOPBACK, pair, 4242, 10, 0);
        RtpSender a = new RtpSender(LOOPBACK, pair + 2, 5151, 20, 0)) {
      a.sendPcmu(agent, 0);
      await(() -> sink.started(callId).isPresent(), "the call the agent's packet opens");
      long start = System.nanoTime();
      for (int i = 0; i < frames; i++) {
        Signals20ms.paceTo(start, i);
        c.sendPcmu(customer, i * 160);
        if (i > 0) {
          a.sendPcmu(agent, i * 160);
        }
      }
    }
    await(() -> sink.ended(callId).isPresent(), "the media timeout");
    assertEquals(EndReason.MEDIA_TIMEOUT, sink.ended(callId).orElseThrow().reason());
    assertEquals(
        java.util.Set.of(Leg.CUSTOMER, Leg.AGENT), sink.started(callId).orElseThrow().legs());
    assertLegIs(customer, sink.frames(callId, Leg.CUSTOMER), frames);
    assertLegIs(agent, sink.frames(callId, Leg.AGENT), frames);
    assertEquals(2 + 2 * frames, sink.messages().size(), "one call: start, frames, end");
  }

  @Test
  void staticModeByArrivalMakesTheFirstSourceTheCustomerAndTheSecondTheAgent() throws Exception {
    int staticMin = FreePorts.udpRange(4);
    start(
        10,
        Map.of(
            "ingest.static.port-min", Integer.toString(staticMin),
            "ingest.static.port-max", Integer.toString(staticMin + 3),
            "ingest.static.pair-by", "arrival",
            "ingest.static.pair-window-seconds", "60",
            "ingest.media-timeout-seconds", "3"));
    short[] pcm = Signals20ms.twoTones(440, 880, 6000, 10);
    String callId = "static-" + staticMin + "-1";
    try (RtpSender first = new RtpSender(LOOPBACK, staticMin, 1, 0, 0);
        RtpSender second = new RtpSender(LOOPBACK, staticMin + 2, 2, 0, 0)) {
      first.sendPcmu(pcm, 0);
      await(() -> sink.started(callId).isPresent(), "the first source's call");
      for (int i = 1; i < 10; i++) {
        first.sendPcmu(pcm, i * 160);
        if (i >= 3) {
          second.sendPcmu(pcm, (i - 3) * 160);
        }
      }
    }
    await(() -> sink.ended(callId).isPresent(), "the media timeout");
    assertEquals(10, sink.frames(callId, Leg.CUSTOMER).size());
    assertEquals(7, sink.frames(callId, Leg.AGENT).size());
  }

  @Test
  void aHangupRightAfterTheLastPacketsKeepsEveryFrameOfBothLegs() throws Exception {
    start(10, Map.of());
    JsonNode answer =
        json.readTree(post("{\"callId\":\"h1\",\"legs\":[\"customer\",\"agent\"]}", TOKEN).body());
    int frames = 50;
    short[] customer = Signals20ms.twoTones(350, 1250, 7000, frames);
    short[] agent = Signals20ms.twoTones(620, 1810, 5000, frames);
    try (RtpSender c =
            new RtpSender(LOOPBACK, answer.at("/legs/customer/rtpPort").asInt(), 7, 0, 0);
        RtpSender a = new RtpSender(LOOPBACK, answer.at("/legs/agent/rtpPort").asInt(), 8, 0, 0)) {
      for (int i = 0; i < frames; i++) {
        c.sendPcmu(customer, i * 160);
        a.sendPcmu(agent, i * 160);
      }
      assertEquals(204, delete("h1", TOKEN).statusCode(), "hung up at once");
    }
    assertLegIs(customer, sink.frames("h1", Leg.CUSTOMER), frames);
    assertLegIs(agent, sink.frames("h1", Leg.AGENT), frames);
    assertEquals(EndReason.HANGUP, sink.ended("h1").orElseThrow().reason());
    assertEquals(2 + 2 * frames, sink.of("h1").size(), "the end follows every frame");
  }

  @Test
  void anAnnouncedCallWhoseMediaStopsEndsByMediaTimeout() throws Exception {
    start(10, Map.of("ingest.media-timeout-seconds", "3"));
    JsonNode answer = json.readTree(post("{\"callId\":\"t1\",\"legs\":[\"agent\"]}", TOKEN).body());
    short[] pcm = Signals20ms.twoTones(440, 880, 6000, 10);
    try (RtpSender a = new RtpSender(LOOPBACK, answer.at("/legs/agent/rtpPort").asInt(), 9, 0, 0)) {
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        Signals20ms.paceTo(start, i);
        a.sendPcmu(pcm, i * 160);
      }
    }
    // 3 s, not 1: a loaded machine may take a second between the answer and the first packet
    await(() -> sink.ended("t1").isPresent(), "the media timeout");
    assertEquals(EndReason.MEDIA_TIMEOUT, sink.ended("t1").orElseThrow().reason());
    assertEquals(10, sink.frames("t1", Leg.AGENT).size());
    assertFalse(service.registry().isOpen("t1"));
  }

  @Test
  void closeFlushesAndEndsLiveCallsWithShutdown() throws Exception {
    // A 2 s jitter delay keeps packet 4 held behind the gap at 3 until close, however slow the
    // machine; close must play it out, concealing the gap.
    start(10, Map.of("ingest.jitter.min-ms", "2000", "ingest.jitter.max-ms", "2000"));
    JsonNode answer =
        json.readTree(post("{\"callId\":\"s1\",\"legs\":[\"customer\"]}", TOKEN).body());
    assertEquals(201, post("{\"callId\":\"s2\",\"transport\":\"websocket\"}", TOKEN).statusCode());
    short[] pcm = Signals20ms.twoTones(440, 880, 6000, 5);
    try (RtpSender c =
        new RtpSender(LOOPBACK, answer.at("/legs/customer/rtpPort").asInt(), 9, 0, 0)) {
      for (int i = 0; i < 3; i++) {
        c.sendPcmu(pcm, i * 160);
      }
      c.sendPcmuAfterGap(pcm, 4 * 160, 1);
    }
    // every packet counted before close: one still in the socket would be lost by design
    await(() -> countOf(PacketOutcome.ACCEPTED) >= 4, "packets taken");
    await(() -> sink.frames("s1", Leg.CUSTOMER).size() >= 3, "the frames before the gap");
    assertEquals(3, sink.frames("s1", Leg.CUSTOMER).size(), "packet 4 held behind the gap");
    service.close();
    List<AudioFrame> flushed = sink.frames("s1", Leg.CUSTOMER);
    assertEquals(5, flushed.size(), "held audio flushed");
    assertTrue(flushed.get(3).concealed(), "the gap concealed");
    assertFalse(flushed.get(4).concealed(), "the held packet played out");
    List<AudioMessage> s1 = sink.of("s1");
    assertEquals(EndReason.SHUTDOWN, ((CallEnded) s1.get(s1.size() - 1)).reason());
    assertEquals(EndReason.SHUTDOWN, sink.ended("s2").orElseThrow().reason());
    assertEquals(0, service.registry().activeCalls());
  }

  @Test
  void aMalformedCorpusIsCountedAndDroppedAndTheServiceStillServes() throws Exception {
    start(10, Map.of());
    JsonNode answer =
        json.readTree(post("{\"callId\":\"m1\",\"legs\":[\"customer\"]}", TOKEN).body());
    int port = answer.at("/legs/customer/rtpPort").asInt();
    short[] pcm = Signals20ms.twoTones(440, 880, 6000, 40);
    Map<PacketOutcome, Double> before;
    MalformedCorpus corpus = MalformedCorpus.generate(new Random(20260101L), 0x5151L);
    try (RtpSender good = new RtpSender(LOOPBACK, port, 0x5151L, 300, 8000)) {
      for (int i = 0; i < 20; i++) {
        good.sendPcmu(pcm, i * 160);
      }
      // Wait for all 20 to be counted, not merely framed: a late one would land in the corpus's
      // window and be counted twice over.
      await(
          () -> counts().getOrDefault(PacketOutcome.ACCEPTED, 0.0) >= 20,
          "the good packets before the corpus counted");
      before = counts();
      for (byte[] datagram : corpus.datagrams()) {
        good.sendRaw(datagram);
      }
      await(
          () -> total(counts()) - total(before) >= corpus.deterministicCount(),
          "the corpus counted");
      for (int i = 20; i < 40; i++) {
        good.sendPcmu(pcm, i * 160);
      }
      await(() -> sink.frames("m1", Leg.CUSTOMER).size() >= 35, "frames after the corpus");
    }
    assertEquals(200, get("/health", null).statusCode(), "HTTP still answers");
    assertEquals(204, delete("m1", TOKEN).statusCode());
    Map<PacketOutcome, Double> after = counts();
    assertEquals(
        corpus.datagrams().size() + 20.0,
        total(after) - total(before),
        "every datagram counted exactly once: " + after);
    assertEquals(20.0, delta(after, before, PacketOutcome.ACCEPTED), "only the good packets");
    assertEquals(corpus.oversized(), delta(after, before, PacketOutcome.OVERSIZED));
    assertTrue(delta(after, before, PacketOutcome.MALFORMED) >= corpus.malformed());
    assertTrue(delta(after, before, PacketOutcome.UNKNOWN_PAYLOAD) >= corpus.unknownPayload());
    List<AudioFrame> frames = sink.frames("m1", Leg.CUSTOMER);
    assertLegIs(pcm, frames, 40);
  }

  @Test
  void readinessFollowsTheSinkWhileLivenessAndHealthStayUp() throws Exception {
    start(10, Map.of());
    assertEquals(200, get("/health/live", null).statusCode());
    assertEquals(200, get("/health/ready", null).statusCode());
    sink.block("Kafka k1:9092 is not taking records");
    HttpResponse<String> ready = get("/health/ready", null);
    assertEquals(503, ready.statusCode(), ready.body());
    assertEquals(
        "Kafka k1:9092 is not taking records", json.readTree(ready.body()).get("detail").asText());
    assertEquals(200, get("/health/live", null).statusCode(), "alive while Kafka is away");
    assertEquals(200, get("/health", null).statusCode(), "the old endpoint keeps its meaning");
    sink.block(null);
    assertEquals(200, get("/health/ready", null).statusCode());
  }

  /** Starts the service with {@code rtpPorts} free RTP ports (FreePorts) and {@code settings}. */
  private void start(int rtpPorts, Map<String, String> settings) {
    rtpPortMin = FreePorts.udpRange(rtpPorts);
    rtpPortMax = rtpPortMin + rtpPorts - 1;
    Map<String, String> all = new HashMap<>(settings);
    all.put("ingest.rtp-port-min", Integer.toString(rtpPortMin));
    all.put("ingest.rtp-port-max", Integer.toString(rtpPortMax));
    all.put("ingest.http-port", "0");
    all.put("ingest.bind-address", "127.0.0.1");
    all.put("ingest.auth-token", TOKEN);
    service =
        new IngestService(
                IngestConfigLoader.fromMap(all),
                sink,
                new IngestMetrics(meters),
                () -> "# scrape of " + meters.getMeters().size() + " meters\n")
            .start();
  }

  private static void assertLegIs(short[] source, List<AudioFrame> frames, int expected) {
    assertEquals(expected, frames.size(), "frames");
    for (int i = 0; i < frames.size(); i++) {
      assertEquals(i, frames.get(i).sequence(), "no gaps");
      assertEquals(i * 20L, frames.get(i).mediaTimeMs());
      assertFalse(frames.get(i).concealed(), "frame " + i + " concealed");
    }
    double snr = Signals20ms.snrDb(source, frames);
    assertTrue(snr >= 30, "G.711 SNR " + snr + " dB");
  }

  private void assertBadRequest(String body, String expectedInError) throws Exception {
    HttpResponse<String> response = post(body, TOKEN);
    assertEquals(400, response.statusCode(), body);
    String error = json.readTree(response.body()).get("error").asText();
    assertTrue(error.contains(expectedInError), error);
    assertTrue(error.endsWith("."), "one sentence: " + error);
  }

  private Map<PacketOutcome, Double> counts() {
    Map<PacketOutcome, Double> counts = new java.util.EnumMap<>(PacketOutcome.class);
    for (PacketOutcome outcome : PacketOutcome.values()) {
      counts.put(outcome, countOf(outcome));
    }
    return counts;
  }

  private double countOf(PacketOutcome outcome) {
    return meters
        .get("tonewatch.ingest.packets")
        .tag("source", "rtp")
        .tag("outcome", outcome.tagValue())
        .counter()
        .count();
  }

  private static double total(Map<PacketOutcome, Double> counts) {
    return counts.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static double delta(
      Map<PacketOutcome, Double> after, Map<PacketOutcome, Double> before, PacketOutcome o) {
    return after.get(o) - before.get(o);
  }

  private HttpResponse<String> post(String body, String token)
      throws IOException, InterruptedException {
    return send(request("/v1/calls", token).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send(request(path, token).GET());
  }

  private HttpResponse<String> delete(String callId, String token)
      throws IOException, InterruptedException {
    return send(request("/v1/calls/" + callId, token).DELETE());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
