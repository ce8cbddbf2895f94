package io.tonewatch.ingest.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.call.CallRegistry;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.testing.Await;
import io.tonewatch.testing.FreePorts;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The UDP loop on real sockets with receivers that only record what reaches them. */
class UdpMediaServerIT {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  // Below the ephemeral range, free when the test starts: see FreePorts.
  private final int portMin = FreePorts.udpRange(200);
  // The loop's and the registry's clock: tests that depend on elapsed time move it themselves.
  private final AtomicLong nowNanos = new AtomicLong(System.nanoTime());

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final IngestMetrics metrics = new IngestMetrics(meters);
  private final List<AudioMessage> published = Collections.synchronizedList(new ArrayList<>());
  private final List<FakeReceiver> receivers = new CopyOnWriteArrayList<>();
  private UdpMediaServer server;
  private CallRegistry registry;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void handsDatagramsToTheLegsPortAndCountsRtcpOnPortPlusOne() throws Exception {
    start(settings(portMin, portMin + 9, 2048, "127.0.0.0/8", 0), 10, 30);
    UdpMediaServer.OpenResult opened =
        server.openCall("c1", List.of(Leg.CUSTOMER, Leg.AGENT), Map.of(), false);
    assertEquals(UdpMediaServer.OpenStatus.OPENED, opened.status());
    int customer = opened.rtpPorts().get(Leg.CUSTOMER);
    int agent = opened.rtpPorts().get(Leg.AGENT);
    assertEquals(0, customer % 2);
    assertTrue(customer != agent);
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      send(socket, customer, new byte[] {1, 2, 3});
      send(socket, agent, new byte[] {4});
      send(socket, agent, new byte[] {5});
      send(socket, customer + 1, new byte[] {(byte) 0x80, (byte) 200, 0, 1, 0, 0, 0, 1});
      await(() -> datagrams(Leg.CUSTOMER) == 1 && datagrams(Leg.AGENT) == 2, "datagrams");
      await(() -> count(PacketOutcome.RTCP) == 1, "rtcp counted");
    }
    await(
        () -> {
          advanceMillis(10); // the loop ticks every 10 ms of its clock
          return receivers.get(0).ticks > 10;
        },
        "the loop ticks receivers");
    assertInstanceOf(CallStarted.class, published.get(0));
    assertEquals(List.of(List.of(Leg.CUSTOMER), List.of(Leg.AGENT)), channelsOfReceivers());
  }

  @Test
  void dropsOversizedForeignAndOverRateDatagramsAndCountsEach() throws Exception {
    start(settings(portMin + 20, portMin + 29, 200, "127.0.0.0/8", 50), 10, 30);
    int port =
        server.openCall("c1", List.of(Leg.CUSTOMER), Map.of(), false).rtpPorts().get(Leg.CUSTOMER);
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      send(socket, port, new byte[201]);
      send(socket, port, new byte[65_507]);
      await(() -> count(PacketOutcome.OVERSIZED) == 2, "oversized");
      for (int i = 0; i < 200; i++) {
        send(socket, port, new byte[20]);
      }
      await(() -> datagrams(Leg.CUSTOMER) + count(PacketOutcome.RATE_LIMITED) == 200, "all 200");
    }
    // The loop's clock stands still, so the bucket earns nothing back: exactly its burst passes.
    assertEquals(50, datagrams(Leg.CUSTOMER), "a 50 pps bucket holds one second's worth");
    assertEquals(150, count(PacketOutcome.RATE_LIMITED));
  }

  @Test
  void rejectsSourcesOutsideTheAllowedNetworks() throws Exception {
    start(settings(portMin + 40, portMin + 49, 2048, "10.0.0.0/8,2001:db8::/32", 0), 10, 30);
    int port = server.openCall("c1", List.of(Leg.AGENT), Map.of(), false).rtpPorts().get(Leg.AGENT);
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      for (int i = 0; i < 5; i++) {
        send(socket, port, new byte[20]);
      }
      await(() -> count(PacketOutcome.REJECTED_SOURCE) == 5, "rejected");
    }
    assertEquals(0, datagrams(Leg.AGENT));
  }

  @Test
  void aStereoCallUsesOnePortForBothLegs() throws Exception {
    start(settings(portMin + 60, portMin + 69, 2048, "127.0.0.0/8", 0), 10, 30);
    UdpMediaServer.OpenResult opened =
        server.openCall("s1", List.of(Leg.AGENT, Leg.CUSTOMER), Map.of(), true);
    assertEquals(opened.rtpPorts().get(Leg.AGENT), opened.rtpPorts().get(Leg.CUSTOMER));
    await(() -> receivers.size() == 1, "one receiver");
    assertEquals(List.of(List.of(Leg.AGENT, Leg.CUSTOMER)), channelsOfReceivers());
  }

  @Test
  void refusesWhenThePortRangeIsExhaustedAndReusesPortsAfterAnEnd() throws Exception {
    start(settings(portMin + 80, portMin + 83, 2048, "127.0.0.0/8", 0), 10, 30);
    List<Leg> both = List.of(Leg.CUSTOMER, Leg.AGENT);
    assertEquals(
        UdpMediaServer.OpenStatus.OPENED, server.openCall("a", both, Map.of(), false).status());
    assertEquals(
        UdpMediaServer.OpenStatus.NO_PORTS,
        server.openCall("b", List.of(Leg.CUSTOMER), Map.of(), false).status());
    assertEquals(1, published.size(), "a refused call publishes nothing");
    assertEquals(
        UdpMediaServer.OpenStatus.DUPLICATE, server.openCall("a", both, Map.of(), false).status());
    server.endCall("a", EndReason.HANGUP).get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertTrue(receivers.get(0).finished && receivers.get(1).finished, "receivers flushed");
    CallEnded ended = assertInstanceOf(CallEnded.class, published.get(1));
    assertEquals(EndReason.HANGUP, ended.reason());
    assertEquals(
        UdpMediaServer.OpenStatus.OPENED, server.openCall("b", both, Map.of(), false).status());
  }

  @Test
  void endsACallWhoseMediaStopsAndKeepsOneThatTalks() throws Exception {
    start(settings(portMin + 100, portMin + 109, 2048, "127.0.0.0/8", 0), 10, 1);
    int quiet =
        server
            .openCall("quiet", List.of(Leg.CUSTOMER), Map.of(), false)
            .rtpPorts()
            .get(Leg.CUSTOMER);
    int talking =
        server.openCall("talking", List.of(Leg.AGENT), Map.of(), false).rtpPorts().get(Leg.AGENT);
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      send(socket, quiet, new byte[20]);
      send(socket, talking, new byte[20]);
      await(() -> datagrams(Leg.CUSTOMER) == 1 && datagrams(Leg.AGENT) == 1, "both first packets");
      advanceMillis(600);
      send(socket, talking, new byte[20]);
      await(() -> datagrams(Leg.AGENT) == 2, "the talking call's packet 600 ms later");
    }
    advanceMillis(600); // 1.2 s after the quiet call's only packet, 0.6 s after the talking one's
    await(() -> !registry.isOpen("quiet"), "quiet call timed out");
    assertTrue(registry.isOpen("talking"));
    CallEnded ended =
        (CallEnded)
            published.stream().filter(m -> m instanceof CallEnded).findFirst().orElseThrow();
    assertEquals("quiet", ended.callId());
    assertEquals(EndReason.MEDIA_TIMEOUT, ended.reason());
  }

  @Test
  void aHangupRightAfterTheLastPacketsStillHandsEveryPacketToTheReceiver() throws Exception {
    start(settings(portMin + 110, portMin + 119, 2048, "127.0.0.0/8", 0), 10, 30);
    UdpMediaServer.OpenResult opened =
        server.openCall("h1", List.of(Leg.CUSTOMER, Leg.AGENT), Map.of(), false);
    await(() -> receivers.size() == 2, "served");
    int packets = 100; // 2 s of 20 ms packets: well inside the ports' receive buffers
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      for (int i = 0; i < packets; i++) {
        send(socket, opened.rtpPorts().get(Leg.CUSTOMER), new byte[172]);
        send(socket, opened.rtpPorts().get(Leg.AGENT), new byte[172]);
      }
      // Loopback delivers each datagram into the port's buffer before send returns: all of them
      // have arrived when the hangup is queued, and the loop must read them before it ends the leg.
      server.endCall("h1", EndReason.HANGUP).get(30, TimeUnit.SECONDS);
    }
    for (FakeReceiver receiver : receivers) {
      assertTrue(receiver.finished);
      assertEquals(packets, receiver.datagramsAtFinish, receiver.channels + " before finish");
    }
    assertEquals(EndReason.HANGUP, assertInstanceOf(CallEnded.class, published.get(1)).reason());
  }

  @Test
  void closeEndsEveryCallWithShutdownAfterFlushingReceivers() throws Exception {
    start(settings(portMin + 120, portMin + 129, 2048, "127.0.0.0/8", 0), 10, 30);
    server.openCall("a", List.of(Leg.CUSTOMER), Map.of(), false);
    server.openCall("b", List.of(Leg.AGENT), Map.of(), false);
    await(() -> receivers.size() == 2, "served");
    server.close();
    assertTrue(receivers.stream().allMatch(r -> r.finished));
    assertEquals(0, registry.activeCalls());
    assertEquals(
        2,
        published.stream()
            .filter(m -> m instanceof CallEnded e && e.reason() == EndReason.SHUTDOWN)
            .count());
    assertFalse(
        server.openCall("c", List.of(Leg.AGENT), Map.of(), false).status()
            == UdpMediaServer.OpenStatus.OPENED);
  }

  @Test
  void everyCallOpenedWhileTheServerClosesStillEnds() throws Exception {
    // Opens race close(): whatever openCall reported OPENED must end with a CallEnded and free
    // its ports, however the open and the loop's last drain interleave. Bounded: 40 rounds.
    for (int round = 0; round < 40; round++) {
      published.clear();
      start(settings(portMin + 140, portMin + 199, 2048, "127.0.0.0/8", 0), 1000, 30);
      UdpMediaServer racing = server;
      List<String> opened = new CopyOnWriteArrayList<>();
      String prefix = "r" + round + "-";
      Thread opener =
          new Thread(
              () -> {
                for (int i = 0; i < 30; i++) {
                  String id = prefix + i;
                  if (racing.openCall(id, List.of(Leg.CUSTOMER), Map.of(), false).status()
                      != UdpMediaServer.OpenStatus.OPENED) {
                    return;
                  }
                  opened.add(id);
                }
              });
      opener.start();
      int openedFirst = round % 5; // close after 0-4 opens: each round meets the opener elsewhere
      await(() -> opened.size() >= openedFirst, "the first opens of round " + round);
      racing.close();
      opener.join(TimeUnit.SECONDS.toMillis(10));
      for (String id : opened) {
        assertTrue(
            published.stream().anyMatch(m -> m instanceof CallEnded e && e.callId().equals(id)),
            "no CallEnded for " + id + " in round " + round);
      }
      assertEquals(0, registry.activeCalls(), "round " + round);
    }
    server = null;
  }

  private void start(UdpSettings settings, int maxLegs, int timeoutSeconds) throws IOException {
    registry =
        new CallRegistry(
            published::add,
            metrics,
            maxLegs,
            Duration.ofSeconds(timeoutSeconds),
            Clock.systemUTC(),
            nowNanos::get);
    server =
        new UdpMediaServer(
            settings,
            registry,
            (callId, channels) -> {
              FakeReceiver r = new FakeReceiver(channels);
              receivers.add(r);
              return r;
            },
            metrics,
            nowNanos::get);
    server.start();
  }

  private static UdpSettings settings(int min, int max, int maxBytes, String networks, int pps) {
    return new UdpSettings(
        LOOPBACK, min, max, maxBytes, SourceFilter.parse(networks), pps, 100, null);
  }

  private static void send(DatagramSocket socket, int port, byte[] data) throws IOException {
    socket.send(new DatagramPacket(data, data.length, LOOPBACK, port));
  }

  private int datagrams(Leg leg) {
    return receivers.stream()
        .filter(r -> r.channels.contains(leg))
        .mapToInt(r -> r.datagrams)
        .sum();
  }

  private List<List<Leg>> channelsOfReceivers() {
    return receivers.stream().map(r -> r.channels).toList();
  }

  private double count(PacketOutcome outcome) {
    return meters
        .get("tonewatch.ingest.packets")
        .tag("source", "rtp")
        .tag("outcome", outcome.tagValue())
        .counter()
        .count();
  }

  private void advanceMillis(long millis) {
    nowNanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) {
    Await.until(what, condition);
  }

  /** Records what the loop hands it; written by the loop thread, read by the test. */
  private static final class FakeReceiver implements MediaReceiver {
    final List<Leg> channels;
    volatile int datagrams;
    volatile int ticks;
    volatile boolean finished;
    volatile int datagramsAtFinish = -1;
    volatile long lastArrivalNanos;

    FakeReceiver(List<Leg> channels) {
      this.channels = List.copyOf(channels);
    }

    @Override
    public void onDatagram(byte[] buf, int offset, int length, long arrivalNanos) {
      datagrams++;
      lastArrivalNanos = arrivalNanos;
    }

    @Override
    public void onTick(long nowNanos) {
      ticks++;
    }

    @Override
    public void finish() {
      datagramsAtFinish = datagrams;
      finished = true;
    }

    @Override
    public long lastArrivalNanos() {
      return lastArrivalNanos;
    }

    @Override
    public StreamStats stats() {
      return new StreamStats(datagrams, 0, 0);
    }
  }
}
