package io.tonewatch.simulator.rtp;

import io.tonewatch.events.Leg;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Where each RTP leg of a call goes: announced through the control API, or fixed ports. */
public interface RtpTargets {

  /** Announces call {@code number} and answers the RTP address of each leg. */
  CompletableFuture<Map<Leg, InetSocketAddress>> open(int number, String callId, List<Leg> legs);

  /** Ends the call at the target. */
  CompletableFuture<Void> close(String callId);
}
