package io.tonewatch.ingest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.testing.Await;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy on real sockets on 127.0.0.1: its seeded plan, as counts and as arrivals. */
class UdpImpairmentProxyIT {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int PACKETS = 1000;
  private static final int FIRST_SEQUENCE = 65_000; // the run crosses the 16-bit wrap

  private DatagramSocket target;
  private DatagramSocket sender;

  @BeforeEach
  void openSockets() throws IOException {
    target = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    target.setReceiveBufferSize(1 << 20);
    sender = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
  }

  @AfterEach
  void closeSockets() {
    target.close();
    sender.close();
  }

  /** The draws the proxy takes per datagram, replayed on their own. */
  private static List<double[]> draws(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<double[]> draws = new ArrayList<>();
    for (int i = 0; i < PACKETS; i++) {
      draws.add(new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()});
      random.nextDouble();
      random.nextDouble();
    }
    return draws;
  }

  private static byte[] rtp(int index) {
    byte[] packet = new byte[12 + 160];
    int sequence = (FIRST_SEQUENCE + index) & 0xFFFF;
    packet[0] = (byte) 0x80;
    packet[2] = (byte) (sequence >>> 8);
    packet[3] = (byte) sequence;
    packet[12] = (byte) index; // which packet, for the arrival check
    packet[13] = (byte) (index >>> 8);
    return packet;
  }

  /** Sends in bursts of 50, each once the proxy has taken the last, so no socket overflows. */
  private void sendAll(UdpImpairmentProxy proxy) throws IOException, InterruptedException {
    InetSocketAddress to = new InetSocketAddress(LOOPBACK, proxy.port());
    for (int i = 0; i < PACKETS; i++) {
      byte[] packet = rtp(i);
      sender.send(new DatagramPacket(packet, packet.length, to));
      if (i % 50 == 49) {
        int sent = i + 1;
        Await.until("the proxy to take " + sent, () -> proxy.received() >= sent);
      }
    }
    proxy.awaitForwarded(PACKETS);
  }

  private List<Integer> arrivals(long expected) throws IOException {
    List<Integer> indices = new ArrayList<>();
    target.setSoTimeout(200);
    while (true) {
      DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
      try {
        target.receive(packet);
      } catch (SocketTimeoutException e) {
        if (indices.size() >= expected) {
          return indices;
        }
        throw new AssertionError("only " + indices.size() + " of " + expected + " arrived");
      }
      byte[] data = packet.getData();
      indices.add((data[12] & 0xFF) | (data[13] & 0xFF) << 8);
    }
  }

  @Test
  void fivePercentLossDropsExactlyThePlannedDatagramsAndReportsTheirSequences() throws Exception {
    try (UdpImpairmentProxy proxy =
        UdpImpairmentProxy.start(target.getLocalPort(), 0.05, 0, 0, 0, 1)) {
      sendAll(proxy);

      List<Integer> lost = new ArrayList<>();
      List<double[]> draws = draws(1);
      for (int i = 0; i < PACKETS; i++) {
        if (draws.get(i)[0] < 0.05) {
          lost.add(i);
        }
      }
      List<Integer> arrived = arrivals(PACKETS - lost.size());
      assertEquals(lost.size(), proxy.dropped());
      assertEquals(PACKETS - lost.size(), proxy.forwarded());
      assertEquals(PACKETS - lost.size(), arrived.size());
      Set<Integer> missing = new HashSet<>();
      for (int i = 0; i < PACKETS; i++) {
        missing.add(i);
      }
      missing.removeAll(arrived);
      assertEquals(new HashSet<>(lost), missing);
      // Extended sequence numbers keep counting over the wrap at 65536.
      long base = FIRST_SEQUENCE + 0x10000L;
      assertEquals(lost.stream().map(i -> base + i).toList(), proxy.droppedSequences());
      int lastArrived = PACKETS - 1 - (lost.contains(PACKETS - 1) ? 1 : 0);
      assertEquals(base + lastArrived, proxy.lastForwardedSequence());
      assertEquals(
          lost.stream().filter(i -> i < lastArrived).count(),
          proxy.droppedSequencesBefore(proxy.lastForwardedSequence()));
    }
  }

  @Test
  void reorderedDatagramsArriveRightAfterTheNextOneAndNoneIsLost() throws Exception {
    try (UdpImpairmentProxy proxy =
        UdpImpairmentProxy.start(target.getLocalPort(), 0, 0.05, 0, 0, 7)) {
      sendAll(proxy);
      List<Integer> arrived = arrivals(PACKETS);

      List<double[]> draws = draws(7);
      long planned = draws.stream().filter(d -> d[1] < 0.05).count();
      assertEquals(planned, proxy.reordered());
      assertTrue(planned > 20, "the seed should hold some back: " + planned);
      assertEquals(PACKETS, new HashSet<>(arrived).size(), "each datagram once");
      // Depth 1: every held datagram is one late arrival below the highest seen so far.
      int late = 0;
      int highest = -1;
      for (int index : arrived) {
        if (index < highest) {
          late++;
          assertTrue(draws.get(index)[1] < 0.05, index + " arrived late without being held");
        }
        highest = Math.max(highest, index);
      }
      assertEquals(planned - trailingHeld(draws), late);
    }
  }

  /** Held datagrams with no later direct one are released at idle, still after the highest. */
  private static long trailingHeld(List<double[]> draws) {
    long trailing = 0;
    for (int i = PACKETS - 1; i >= 0 && draws.get(i)[1] < 0.05; i--) {
      trailing++;
    }
    return trailing;
  }

  @Test
  void duplicatesAndJitterStillDeliverEveryDatagramAndTheProxyStopsOnClose() throws Exception {
    UdpImpairmentProxy proxy = UdpImpairmentProxy.start(target.getLocalPort(), 0, 0, 0.03, 15, 3);
    sendAll(proxy);
    long planned = draws(3).stream().filter(d -> d[2] < 0.03).count();
    List<Integer> arrived = arrivals(PACKETS + planned);

    assertEquals(planned, proxy.duplicated());
    assertEquals(PACKETS + planned, arrived.size());
    assertEquals(PACKETS, new HashSet<>(arrived).size());
    String thread = "udp-impairment-proxy-" + proxy.port();
    proxy.close();
    assertFalse(
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().equals(thread) && t.isAlive()),
        "the proxy thread has ended");
  }
}
