package io.tonewatch.simulator.rtp;

import io.tonewatch.events.Leg;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * RTP to an ingest service in static mode, without the control API. Pairing rule (the one place to
 * change it): the customer leg of call {@code n} (from 1) goes to {@code base + 4 * (n - 1)}, its
 * agent leg to two ports above, {@code base + 4 * (n - 1) + 2}; RTCP would use each port + 1.
 */
public final class StaticPorts implements RtpTargets {

  /** Ports between the legs of a call, and between calls. */
  static final int LEG_STEP = 2;

  static final int CALL_STEP = 2 * LEG_STEP;

  private final String host;
  private final int basePort;

  public StaticPorts(String host, int basePort) {
    if (basePort < 1 || basePort > 0xFFFF) {
      throw new IllegalArgumentException("basePort must be 1 to 65535, was " + basePort);
    }
    this.host = host;
    this.basePort = basePort;
  }

  /** The RTP port of {@code leg} of call {@code number} (from 1). */
  public static int rtpPort(int basePort, int number, Leg leg) {
    return basePort + CALL_STEP * (number - 1) + (leg == Leg.AGENT ? LEG_STEP : 0);
  }

  /** The highest port {@code calls} calls use, to check it against 65535 up front. */
  public static int highestPort(int basePort, int calls) {
    return rtpPort(basePort, calls, Leg.AGENT) + 1;
  }

  @Override
  public CompletableFuture<Map<Leg, InetSocketAddress>> open(
      int number, String callId, List<Leg> legs) {
    Map<Leg, InetSocketAddress> ports = new EnumMap<>(Leg.class);
    for (Leg leg : legs) {
      ports.put(leg, new InetSocketAddress(host, rtpPort(basePort, number, leg)));
    }
    return CompletableFuture.completedFuture(ports);
  }

  @Override
  public CompletableFuture<Void> close(String callId) {
    return CompletableFuture.completedFuture(null);
  }
}
