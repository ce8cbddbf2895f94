package io.tonewatch.ingest.net;

import io.tonewatch.events.Leg;
import io.tonewatch.ingest.call.CallRegistry;
import io.tonewatch.ingest.call.CallTeardown;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.rtp.RtcpDetector;
import io.tonewatch.ingest.rtp.RtpPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static mode: calls nobody announced, made from the RTP that arrives on a port range. A stream is
 * new when its key has no receiver: the local port for {@link PairBy#PORT}, the local port and the
 * source address and port otherwise. Its first packet must parse as RTP. A call is named {@code
 * static-<port>-<ssrc>}: the port is the customer's (for pairs, the pair's first port, whichever
 * leg arrives first) and the SSRC, of the stream that opened the call, keeps successive calls on
 * one port apart. Pairing:
 *
 * <ul>
 *   <li>{@code port}: ports P and P+2, P = port-min + 4k, are one call: P the customer, P+2 the
 *       agent, whichever leg's packet comes first; the first stream on either opens the call, the
 *       other joins it while it lives.
 *   <li>{@code arrival}: the first new stream opens a call as the customer; the next new stream on
 *       any static port within the pair window joins it as the agent.
 *   <li>{@code none}: every new stream is a call with one customer leg.
 * </ul>
 *
 * Calls end by the media timeout. Owned by the UDP loop thread.
 */
final class StaticCalls {
  private static final Set<Leg> BOTH = Set.of(Leg.CUSTOMER, Leg.AGENT);

  private final PairBy pairBy;
  private final int portMin;
  private final long pairWindowNanos;
  private final CallRegistry registry;
  private final ReceiverFactory receivers;
  private final IngestMetrics metrics;
  private final LiveStreams live;
  private final CallTeardown teardown;
  private final RtpPacket probe = new RtpPacket();
  private final Map<Object, RtpStream> streams = new HashMap<>();
  private final Map<Integer, String> callOfPair = new HashMap<>(); // pair-by=port
  private String waitingCall; // pair-by=arrival: a call with a customer and no agent yet
  private long waitingSinceNanos;

  StaticCalls(
      PairBy pairBy,
      int portMin,
      long pairWindowNanos,
      CallRegistry registry,
      ReceiverFactory receivers,
      IngestMetrics metrics,
      LiveStreams live,
      CallTeardown teardown) {
    this.pairBy = pairBy;
    this.portMin = portMin;
    this.pairWindowNanos = pairWindowNanos;
    this.registry = registry;
    this.receivers = receivers;
    this.metrics = metrics;
    this.live = live;
    this.teardown = teardown;
  }

  void onDatagram(int port, InetSocketAddress from, byte[] buf, int length, long nowNanos) {
    Object key = pairBy == PairBy.PORT ? Integer.valueOf(port) : new SourceKey(port, from);
    RtpStream stream = streams.get(key);
    if (stream == null) {
      stream = newStream(key, port, buf, length, nowNanos);
      if (stream == null) {
        return; // counted
      }
    }
    stream.onDatagram(buf, 0, length, nowNanos);
  }

  private RtpStream newStream(Object key, int port, byte[] buf, int length, long nowNanos) {
    if (RtcpDetector.isRtcp(buf, 0, length)) {
      metrics.packet(IngestMetrics.Source.RTP, PacketOutcome.RTCP);
      return null;
    }
    if (!probe.parse(buf, 0, length)) {
      metrics.packet(IngestMetrics.Source.RTP, PacketOutcome.MALFORMED);
      return null;
    }
    String newCallId = "static-" + port + "-" + probe.ssrc();
    String callId;
    Leg leg;
    switch (pairBy) {
      case PORT -> {
        int pairBase = portMin + (port - portMin) / 4 * 4;
        leg = port == pairBase ? Leg.CUSTOMER : Leg.AGENT;
        String current = callOfPair.get(pairBase);
        String pairCallId = "static-" + pairBase + "-" + probe.ssrc();
        callId = current != null && live.serves(current) ? current : open(pairCallId, BOTH);
        if (callId != null) {
          callOfPair.put(pairBase, callId);
        }
      }
      case ARRIVAL -> {
        boolean join =
            waitingCall != null
                && live.serves(waitingCall)
                && nowNanos - waitingSinceNanos <= pairWindowNanos;
        if (join) {
          callId = waitingCall;
          leg = Leg.AGENT;
          waitingCall = null;
        } else {
          callId = open(newCallId, BOTH);
          leg = Leg.CUSTOMER;
          waitingCall = callId;
          waitingSinceNanos = nowNanos;
        }
      }
      default -> {
        callId = open(newCallId, Set.of(Leg.CUSTOMER));
        leg = Leg.CUSTOMER;
      }
    }
    if (callId == null) {
      metrics.packet(IngestMetrics.Source.RTP, PacketOutcome.NO_LEG);
      return null;
    }
    RtpStream stream =
        new RtpStream(callId, port, List.of(leg), receivers.create(callId, List.of(leg)));
    streams.put(key, stream);
    live.addStream(stream);
    return stream;
  }

  /** Admits a static call; null when the limit or a live duplicate refuses it. */
  private String open(String callId, Set<Leg> legs) {
    CallRegistry.Admission admission = registry.admit(callId, legs, Map.of(), teardown, true);
    if (admission != CallRegistry.Admission.OPENED) {
      return null;
    }
    live.addCall(callId, true, legs, () -> forget(callId));
    return callId;
  }

  /** Drops the ended call's streams so the next packet on their keys starts a new call. */
  private void forget(String callId) {
    List<Object> keys = new ArrayList<>();
    streams.forEach(
        (key, stream) -> {
          if (stream.callId().equals(callId)) {
            keys.add(key);
          }
        });
    keys.forEach(streams::remove);
    callOfPair.values().removeIf(callId::equals);
    if (callId.equals(waitingCall)) {
      waitingCall = null;
    }
  }

  private record SourceKey(int port, InetSocketAddress source) {}
}
