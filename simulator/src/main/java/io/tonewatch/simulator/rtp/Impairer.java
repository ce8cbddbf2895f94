package io.tonewatch.simulator.rtp;

import io.tonewatch.events.Leg;
import io.tonewatch.simulator.LegIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Applies an {@link Impairment} to one stream of packets, deterministically from a seed.
 *
 * <p>Every offered packet draws the same five numbers in the same order (loss, reorder, duplicate,
 * jitter of the packet, jitter of its copy), so packet {@code i}'s fate depends only on the seed
 * and {@code i}: a test can replay the plan. A lost packet is not sent. A reordered packet is held
 * and sent right after the next {@code reorderDepth} packets that are sent. A duplicated packet is
 * sent twice, the copy right after it. {@link #finish} releases packets still held.
 *
 * <p>Not thread-safe: one instance per leg, used by the simulation's loop thread.
 *
 * @param <T> the packet type
 */
public final class Impairer<T> {

  /** One send: the packet and how long after its deadline it should go out. */
  public record Send<T>(T packet, long delayNanos) {}

  private record Held<T>(T packet, boolean duplicate, long delayNanos, long copyDelayNanos) {}

  private final Impairment impairment;
  private final SplittableRandom random;
  private final List<Held<T>> held = new ArrayList<>();
  private final List<Integer> countdowns = new ArrayList<>();
  private long lost;
  private long reordered;
  private long duplicated;
  private long sent;

  public Impairer(Impairment impairment, long seed) {
    this.impairment = Objects.requireNonNull(impairment, "impairment");
    this.random = new SplittableRandom(seed);
  }

  /** The seed simulate uses for leg {@code leg} of call number {@code callNumber} (from 1). */
  public static long legSeed(long seed, int callNumber, Leg leg) {
    return LegIdentity.mix(seed ^ 0x1A9E_D0C5_5EEDL, callNumber, leg);
  }

  /** Offers the next packet; returns what to send now, in order. */
  public List<Send<T>> offer(T packet) {
    boolean lose = random.nextDouble() * 100 < impairment.lossPct();
    boolean hold = random.nextDouble() * 100 < impairment.reorderPct();
    boolean duplicate = random.nextDouble() * 100 < impairment.duplicatePct();
    long delayNanos = jitterNanos();
    long copyDelayNanos = jitterNanos();
    List<Send<T>> sends = new ArrayList<>(2);
    if (lose) {
      lost++;
      return sends;
    }
    if (hold) {
      reordered++;
      held.add(new Held<>(packet, duplicate, delayNanos, copyDelayNanos));
      countdowns.add(impairment.reorderDepth());
      return sends;
    }
    emit(new Held<>(packet, duplicate, delayNanos, copyDelayNanos), sends);
    // Held packets go out once enough later packets have overtaken them.
    for (int i = 0; i < held.size(); ) {
      int left = countdowns.get(i) - 1;
      if (left == 0) {
        Held<T> release = held.remove(i);
        countdowns.remove(i);
        emit(release, sends);
      } else {
        countdowns.set(i, left);
        i++;
      }
    }
    return sends;
  }

  /** At the end of the stream: every packet still held, in the order they were held. */
  public List<Send<T>> finish() {
    List<Send<T>> sends = new ArrayList<>();
    for (Held<T> release : held) {
      emit(release, sends);
    }
    held.clear();
    countdowns.clear();
    return sends;
  }

  private void emit(Held<T> packet, List<Send<T>> sends) {
    sends.add(new Send<>(packet.packet(), packet.delayNanos()));
    sent++;
    if (packet.duplicate()) {
      duplicated++;
      sent++;
      sends.add(
          new Send<>(packet.packet(), Math.max(packet.delayNanos(), packet.copyDelayNanos())));
    }
  }

  private long jitterNanos() {
    double draw = random.nextDouble();
    return Math.round(draw * impairment.jitterMs() * 1_000_000.0);
  }

  public long lost() {
    return lost;
  }

  public long reordered() {
    return reordered;
  }

  public long duplicated() {
    return duplicated;
  }

  /** Packets handed out so far, copies included. */
  public long sent() {
    return sent;
  }
}
