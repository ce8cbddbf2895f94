package io.tonewatch.simulator.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImpairerTest {

  private static final int PACKETS = 10_000;
  private static final long SEED = 1;

  /** The five draws each packet takes, replayed independently of the impairer. */
  private record Draws(double loss, double reorder, double duplicate) {}

  private static List<Draws> draws(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Draws> draws = new ArrayList<>();
    for (int i = 0; i < PACKETS; i++) {
      draws.add(
          new Draws(
              random.nextDouble() * 100, random.nextDouble() * 100, random.nextDouble() * 100));
      random.nextDouble();
      random.nextDouble();
    }
    return draws;
  }

  private static List<Integer> run(Impairer<Integer> impairer) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < PACKETS; i++) {
      impairer.offer(i).forEach(send -> out.add(send.packet()));
    }
    impairer.finish().forEach(send -> out.add(send.packet()));
    return out;
  }

  @Test
  void lossDropsExactlyThePlannedPacketsAndKeepsTheOrder() {
    Impairer<Integer> impairer = new Impairer<>(new Impairment(5, 0, 1, 0, 0), SEED);
    List<Integer> out = run(impairer);

    List<Integer> expected = new ArrayList<>();
    List<Draws> draws = draws(SEED);
    for (int i = 0; i < PACKETS; i++) {
      if (!(draws.get(i).loss() < 5)) {
        expected.add(i);
      }
    }
    assertEquals(expected, out);
    assertEquals(PACKETS - expected.size(), impairer.lost());
    // 5 % of 10,000 with a binomial spread of about 22.
    assertTrue(impairer.lost() > 400 && impairer.lost() < 600, "lost " + impairer.lost());
  }

  @Test
  void duplicationSendsThePlannedPacketsTwiceBackToBack() {
    Impairer<Integer> impairer = new Impairer<>(new Impairment(0, 0, 1, 3, 0), SEED);
    List<Integer> out = run(impairer);

    List<Integer> expected = new ArrayList<>();
    List<Draws> draws = draws(SEED);
    for (int i = 0; i < PACKETS; i++) {
      expected.add(i);
      if (draws.get(i).duplicate() < 3) {
        expected.add(i);
      }
    }
    assertEquals(expected, out);
    assertEquals(out.size() - PACKETS, impairer.duplicated());
    assertEquals(out.size(), impairer.sent());
  }

  @Test
  void aHeldPacketGoesOutRightAfterTheNextKDirectOnes() {
    int depth = 2;
    Impairer<Integer> impairer = new Impairer<>(new Impairment(0, 10, depth, 0, 0), SEED);
    List<Integer> out = run(impairer);

    List<Draws> draws = draws(SEED);
    Set<Integer> held = new HashSet<>();
    List<Integer> direct = new ArrayList<>();
    for (int i = 0; i < PACKETS; i++) {
      if (draws.get(i).reorder() < 10) {
        held.add(i);
      } else {
        direct.add(i);
      }
    }
    assertEquals(held.size(), impairer.reordered());
    assertEquals(PACKETS, out.size());
    assertEquals(PACKETS, new HashSet<>(out).size());
    // Direct packets keep their order; each held one lands after the depth-th direct successor.
    assertEquals(direct, out.stream().filter(p -> !held.contains(p)).toList());
    int[] position = new int[PACKETS];
    for (int at = 0; at < out.size(); at++) {
      position[out.get(at)] = at;
    }
    for (int p : held) {
      // The direct packets after p, in order: p must land between the depth-th and the next.
      int firstLater = -java.util.Collections.binarySearch(direct, p) - 1;
      int kth = firstLater + depth - 1;
      if (kth < direct.size()) {
        assertTrue(position[p] > position[direct.get(kth)], "packet " + p + " too early");
      }
      if (kth + 1 < direct.size()) {
        assertTrue(position[p] < position[direct.get(kth + 1)], "packet " + p + " too late");
      }
    }
  }

  @Test
  void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
    Impairment impairment = new Impairment(5, 5, 1, 2, 30);
    List<Integer> a = run(new Impairer<>(impairment, 7));
    List<Integer> b = run(new Impairer<>(impairment, 7));
    List<Integer> c = run(new Impairer<>(impairment, 8));
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void jitterDelaysEachSendByZeroToTheConfiguredMilliseconds() {
    Impairer<Integer> impairer = new Impairer<>(new Impairment(0, 0, 1, 0, 40), SEED);
    long max = 0;
    long min = Long.MAX_VALUE;
    for (int i = 0; i < PACKETS; i++) {
      for (Impairer.Send<Integer> send : impairer.offer(i)) {
        max = Math.max(max, send.delayNanos());
        min = Math.min(min, send.delayNanos());
      }
    }
    assertTrue(min >= 0 && min < 1_000_000, "min " + min);
    assertTrue(max <= 40_000_000 && max > 39_000_000, "max " + max);
  }

  @Test
  void withoutImpairmentEveryPacketGoesOutAtOnceUndelayed() {
    Impairer<Integer> impairer = new Impairer<>(Impairment.NONE, SEED);
    for (int i = 0; i < 100; i++) {
      List<Impairer.Send<Integer>> sends = impairer.offer(i);
      assertEquals(List.of(new Impairer.Send<>(i, 0)), sends);
    }
    assertEquals(List.of(), impairer.finish());
    assertEquals(0, impairer.lost() + impairer.reordered() + impairer.duplicated());
  }
}
