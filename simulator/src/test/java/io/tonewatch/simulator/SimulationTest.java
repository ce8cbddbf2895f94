package io.tonewatch.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.call.LegLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private static final long MS = 1_000_000L;

  /** Time moves only when the loop waits, or when a transport says a send took time. */
  private static final class ManualClock implements LoopClock {
    long nowNanos = 1_000 * MS;

    @Override
    public long nanoTime() {
      return nowNanos;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
      nowNanos = Math.max(nowNanos, deadlineNanos);
    }

    @Override
    public void wake() {}
  }

  private record SendAt(String callId, Leg leg, long frame, long atNanos, long deadlineNanos) {}

  private final ManualClock clock = new ManualClock();
  private final List<SendAt> sends = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final SimulationStats stats = new SimulationStats();

  private final class FakeTransport implements CallTransport {
    final CallScript script;
    long costNanos;
    long stallAtFrame = -1;
    long stallNanos;
    RuntimeException openFailure;

    FakeTransport(CallScript script) {
      this.script = script;
    }

    @Override
    public CompletableFuture<Void> open() {
      events.add("open " + script.callId());
      return openFailure == null
          ? CompletableFuture.completedFuture(null)
          : CompletableFuture.failedFuture(openFailure);
    }

    @Override
    public void send(Leg leg, long frameIndex, short[] samples, long deadlineNanos) {
      sends.add(new SendAt(script.callId(), leg, frameIndex, clock.nowNanos, deadlineNanos));
      clock.nowNanos += costNanos;
      if (frameIndex == stallAtFrame && leg == Leg.CUSTOMER) {
        clock.nowNanos += stallNanos;
      }
    }

    @Override
    public CompletableFuture<Void> close() {
      events.add("close " + script.callId());
      return CompletableFuture.completedFuture(null);
    }
  }

  private static CallScript script(int number, long frames, long startOffsetNanos) {
    CallAudio audio =
        new CallAudio(
            "t.wav",
            8000,
            LegLayout.standard(2),
            Map.of(Leg.CUSTOMER, new short[1600], Leg.AGENT, new short[1600]));
    return new CallScript(number, "sim-" + number, audio, frames * 160, 160, startOffsetNanos);
  }

  private Simulation simulation(List<CallScript> scripts, TransportFactory factory) {
    return new Simulation(scripts, factory, Pacing.ofPtimeMillis(20), clock, stats, n -> {});
  }

  @Test
  void framesGoOutAtAbsoluteDeadlinesSoSendCostsNeverAccumulate() {
    long start = clock.nowNanos;
    List<CallScript> calls = List.of(script(1, 100, 0), script(2, 100, 7 * MS));
    boolean done =
        simulation(
                calls,
                (s, timers) -> {
                  FakeTransport t = new FakeTransport(s);
                  t.costNanos = 3 * MS; // each leg's send takes 3 ms of the 20
                  return t;
                })
            .run(() -> false);

    assertTrue(done);
    assertEquals(400, sends.size());
    for (SendAt send : sends) {
      long offset = send.callId().equals("sim-1") ? 0 : 7 * MS;
      assertEquals(start + offset + send.frame() * 20 * MS, send.deadlineNanos(), send.toString());
      // Customer goes at the deadline, agent 3 ms later: never drifting further.
      long slip = send.atNanos() - send.deadlineNanos();
      assertEquals(send.leg() == Leg.CUSTOMER ? 0 : 3 * MS, slip, send.toString());
    }
    assertEquals(0, stats.lateSends());
    assertEquals(200, stats.frames());
    assertEquals(2, stats.callsCompleted());
    assertEquals(50.0, stats.framesPerSecondPerLeg(), 1e-9);
  }

  @Test
  void aStallMakesTheNextSendsLateThenPacingCatchesUpWithoutDrift() {
    long start = clock.nowNanos;
    boolean done =
        simulation(
                List.of(script(1, 20, 0)),
                (s, timers) -> {
                  FakeTransport t = new FakeTransport(s);
                  t.stallAtFrame = 10;
                  t.stallNanos = 50 * MS;
                  return t;
                })
            .run(() -> false);

    assertTrue(done);
    // Frame 10 sent at 200 ms stalls to 250 ms: frames 11 (due 220) and 12 (due 240) are late.
    assertEquals(2, stats.lateSends());
    assertEquals(30 * MS, stats.maxLatenessNanos());
    SendAt frame13 =
        sends.stream().filter(s -> s.frame() == 13 && s.leg() == Leg.CUSTOMER).findFirst().get();
    assertEquals(start + 260 * MS, frame13.atNanos());
  }

  @Test
  void callsStartStaggeredAndCloseAfterTheirLastFrame() {
    simulation(
            List.of(script(1, 3, 0), script(2, 3, 100 * MS)), (s, timers) -> new FakeTransport(s))
        .run(() -> false);

    assertEquals(List.of("open sim-1", "close sim-1", "open sim-2", "close sim-2"), events);
  }

  @Test
  void aStopRequestClosesEveryCallUnderWay() {
    long start = clock.nowNanos;
    boolean done =
        simulation(
                List.of(script(1, 1000, 0), script(2, 1000, 0), script(3, 1000, 10_000 * MS)),
                (s, timers) -> new FakeTransport(s))
            .run(() -> clock.nowNanos >= start + 100 * MS);

    assertFalse(done);
    assertEquals(List.of("open sim-1", "open sim-2", "close sim-1", "close sim-2"), events);
    assertEquals(2, stats.callsStarted());
    assertEquals(0, stats.callsCompleted());
    assertEquals(50.0, stats.framesPerSecondPerLeg(), 1e-9);
  }

  @Test
  void aRefusedCallEndsTheRunWithItsSentenceAfterClosingTheOthers() {
    SimulationException refused = new SimulationException("the ingest service refused sim-2");
    Simulation simulation =
        simulation(
            List.of(script(1, 1000, 0), script(2, 1000, 40 * MS)),
            (s, timers) -> {
              FakeTransport t = new FakeTransport(s);
              if (s.number() == 2) {
                t.openFailure = refused;
              }
              return t;
            });

    SimulationException thrown =
        assertThrows(SimulationException.class, () -> simulation.run(() -> false));

    assertEquals(refused.getMessage(), thrown.getMessage());
    assertTrue(events.contains("close sim-1"), events.toString());
  }

  @Test
  void delayedActionsRunInDueOrderOnTheLoop() {
    List<Long> ran = new ArrayList<>();
    long start = clock.nowNanos;
    simulation(
            List.of(script(1, 1, 0)),
            (s, timers) -> {
              timers.at(start + 30 * MS, () -> ran.add(clock.nowNanos - start));
              timers.at(start + 10 * MS, () -> ran.add(clock.nowNanos - start));
              return new FakeTransport(s);
            })
        .run(() -> false);

    assertEquals(List.of(10 * MS, 30 * MS), ran);
  }

  @Test
  void pacingDeadlinesAndLatenessFollowTheThreshold() {
    Pacing pacing = Pacing.ofPtimeMillis(20);
    assertEquals(1_000 + 3 * 20 * MS, pacing.deadlineNanos(1_000, 3));
    assertFalse(pacing.isLate(5 * MS, 0));
    assertTrue(pacing.isLate(5 * MS + 1, 0));
    assertEquals(50.0, pacing.packetsPerSecondPerLeg(), 1e-12);
  }
}
