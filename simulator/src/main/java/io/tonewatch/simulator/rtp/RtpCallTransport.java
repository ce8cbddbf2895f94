package io.tonewatch.simulator.rtp;

import io.tonewatch.events.Leg;
import io.tonewatch.simulator.CallScript;
import io.tonewatch.simulator.CallTransport;
import io.tonewatch.simulator.LegIdentity;
import io.tonewatch.simulator.SimulationStats;
import io.tonewatch.simulator.Timers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One call as RTP: one UDP socket, packetizer and impairer per leg. Send errors are counted, not
 * fatal: UDP gives no promise either way. The loop thread owns the legs once {@link #open} is done.
 */
public final class RtpCallTransport implements CallTransport {

  /** What every RTP leg of a run shares. */
  public record Settings(Codec codec, long seed, Integer sequenceStart, Impairment impairment) {}

  private final class RtpLeg {
    final DatagramChannel channel;
    final InetSocketAddress target;
    final RtpPacketizer packetizer;
    final Impairer<byte[]> impairer;

    RtpLeg(Leg leg, InetSocketAddress target) throws IOException {
      this.channel = DatagramChannel.open();
      this.target = target;
      LegIdentity id =
          LegIdentity.of(settings.seed(), script.number(), leg, settings.sequenceStart());
      this.packetizer =
          new RtpPacketizer(
              settings.codec().payloadType(),
              id.ssrc(),
              id.initialSequence(),
              id.initialTimestamp(),
              script.samplesPerFrame());
      this.impairer =
          new Impairer<>(
              settings.impairment(), Impairer.legSeed(settings.seed(), script.number(), leg));
    }
  }

  private final CallScript script;
  private final RtpTargets targets;
  private final Settings settings;
  private final Timers timers;
  private final SimulationStats stats;
  private final Map<Leg, RtpLeg> legs = new EnumMap<>(Leg.class);
  private volatile boolean opened;

  public RtpCallTransport(
      CallScript script,
      RtpTargets targets,
      Settings settings,
      Timers timers,
      SimulationStats stats) {
    this.script = script;
    this.targets = targets;
    this.settings = settings;
    this.timers = timers;
    this.stats = stats;
  }

  @Override
  public CompletableFuture<Void> open() {
    List<Leg> callLegs = script.legs();
    return targets
        .open(script.number(), script.callId(), callLegs)
        .thenAccept(
            addresses -> {
              try {
                for (Leg leg : callLegs) {
                  legs.put(leg, new RtpLeg(leg, addresses.get(leg)));
                }
              } catch (IOException e) {
                for (RtpLeg made : legs.values()) {
                  try {
                    made.channel.close();
                  } catch (IOException ignored) {
                    // already failing: the open's error is the one to report
                  }
                }
                legs.clear();
                targets.close(script.callId()); // the target announced the call: end it
                throw new UncheckedIOException(e);
              }
              opened = true;
            });
  }

  @Override
  public void send(Leg leg, long frameIndex, short[] samples, long deadlineNanos) {
    RtpLeg rtp = legs.get(leg);
    byte[] packet = rtp.packetizer.next(settings.codec().encode(samples));
    dispatch(leg, rtp, rtp.impairer.offer(packet), deadlineNanos);
  }

  @Override
  public long closeDelayNanos() {
    return settings.impairment().jitterMs() * 1_000_000L;
  }

  @Override
  public CompletableFuture<Void> close() {
    if (!opened) {
      return CompletableFuture.completedFuture(null);
    }
    opened = false;
    for (Map.Entry<Leg, RtpLeg> entry : legs.entrySet()) {
      RtpLeg rtp = entry.getValue();
      for (Impairer.Send<byte[]> held : rtp.impairer.finish()) {
        sendNow(entry.getKey(), rtp, held.packet());
      }
      stats.impaired(rtp.impairer.lost(), rtp.impairer.reordered(), rtp.impairer.duplicated());
      try {
        rtp.channel.close();
      } catch (IOException e) {
        stats.sendError();
      }
    }
    return targets.close(script.callId());
  }

  private void dispatch(
      Leg leg, RtpLeg rtp, List<Impairer.Send<byte[]>> sends, long deadlineNanos) {
    for (Impairer.Send<byte[]> send : sends) {
      if (send.delayNanos() == 0) {
        sendNow(leg, rtp, send.packet());
      } else {
        timers.at(deadlineNanos + send.delayNanos(), () -> sendNow(leg, rtp, send.packet()));
      }
    }
  }

  private void sendNow(Leg leg, RtpLeg rtp, byte[] packet) {
    if (!rtp.channel.isOpen()) {
      return; // a delayed send after the call ended: the network lost it
    }
    try {
      rtp.channel.send(ByteBuffer.wrap(packet), rtp.target);
      stats.packetSent(leg);
    } catch (IOException e) {
      stats.sendError();
    }
  }
}
