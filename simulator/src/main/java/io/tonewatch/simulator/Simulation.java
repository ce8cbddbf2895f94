package io.tonewatch.simulator;

import io.tonewatch.events.Leg;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Plays calls to their transports in real time from one thread: a loop that waits for the next
 * deadline (a call's start, a leg's next frame, a delayed send), does everything due, and waits
 * again. Frames are due at absolute deadlines ({@link Pacing}), so N calls cost one thread and 50
 * sends per second per leg. Calls open and close asynchronously and wake the loop when done.
 *
 * <p>The thread that calls {@link #run} owns all mutable state here and in the transports.
 */
public final class Simulation implements Timers {

  /** Longest wait for opens and closes still under way when the run ends. */
  static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Beyond this many delayed sends, further ones go out at once (bounded memory). */
  static final int MAX_TIMERS = 200_000;

  private record Timer(long dueNanos, long order, Runnable action) {}

  private static final class ActiveCall {
    final CallScript script;
    final CallTransport transport;
    final List<Leg> legs;
    CompletableFuture<Void> opened;
    long baseNanos;
    long nextFrame;
    long nextDeadlineNanos;
    long firstSendNanos;
    long lastSendNanos;

    ActiveCall(CallScript script, CallTransport transport) {
      this.script = script;
      this.transport = transport;
      this.legs = script.legs();
    }
  }

  private final List<CallScript> calls;
  private final TransportFactory transports;
  private final Pacing pacing;
  private final LoopClock clock;
  private final SimulationStats stats;
  private final LongConsumer progress;
  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(
          Comparator.comparingLong(Timer::dueNanos).thenComparingLong(Timer::order));
  private final PriorityQueue<ActiveCall> sending =
      new PriorityQueue<>(Comparator.comparingLong(c -> c.nextDeadlineNanos));
  private final List<ActiveCall> opening = new ArrayList<>();
  private final Deque<CompletableFuture<Void>> closing = new ArrayDeque<>();
  private long timerOrder;
  private RuntimeException failure;

  /**
   * @param calls the calls, in order of their start offsets
   * @param transports makes the transport of each call
   * @param progress told how many frames (of all legs of a call) were sent since the last call
   */
  public Simulation(
      List<CallScript> calls,
      TransportFactory transports,
      Pacing pacing,
      LoopClock clock,
      SimulationStats stats,
      LongConsumer progress) {
    this.calls = List.copyOf(calls);
    for (int i = 1; i < this.calls.size(); i++) {
      if (this.calls.get(i).startOffsetNanos() < this.calls.get(i - 1).startOffsetNanos()) {
        throw new IllegalArgumentException("calls must be in order of their start offsets");
      }
    }
    this.transports = Objects.requireNonNull(transports, "transports");
    this.pacing = Objects.requireNonNull(pacing, "pacing");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Runs until every call has played and closed, {@code stopRequested} turns true, or a call fails;
   * calls under way are always closed (hung up, deleted) before it returns.
   *
   * @return true when every call played to its end
   * @throws SimulationException the first failure, after closing the calls
   */
  public boolean run(BooleanSupplier stopRequested) {
    long startNanos = clock.nanoTime();
    int nextToStart = 0;
    boolean stopped = false;
    while (true) {
      long now = clock.nanoTime();
      if (failure != null) {
        break;
      }
      if (stopRequested.getAsBoolean()) {
        stopped = true;
        break;
      }
      while (nextToStart < calls.size()
          && startNanos + calls.get(nextToStart).startOffsetNanos() <= now) {
        begin(calls.get(nextToStart++));
      }
      collectOpened(now);
      runDueTimers(now);
      sendDueFrames();
      if (failure != null) {
        break;
      }
      if (nextToStart == calls.size()
          && opening.isEmpty()
          && sending.isEmpty()
          && timers.isEmpty()) {
        break;
      }
      long wakeNanos = Long.MAX_VALUE;
      if (nextToStart < calls.size()) {
        wakeNanos = startNanos + calls.get(nextToStart).startOffsetNanos();
      }
      if (!sending.isEmpty()) {
        wakeNanos = Math.min(wakeNanos, sending.peek().nextDeadlineNanos);
      }
      if (!timers.isEmpty()) {
        wakeNanos = Math.min(wakeNanos, timers.peek().dueNanos());
      }
      if (wakeNanos == Long.MAX_VALUE) {
        // Only opens are under way: they wake us; re-check now and then in case one is lost.
        wakeNanos = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
      }
      clock.parkUntil(wakeNanos);
    }
    settle();
    if (failure != null) {
      throw failure;
    }
    return !stopped;
  }

  @Override
  public void at(long dueNanos, Runnable action) {
    if (timers.size() >= MAX_TIMERS) {
      action.run();
      return;
    }
    timers.add(new Timer(dueNanos, timerOrder++, action));
  }

  private void begin(CallScript script) {
    ActiveCall call = new ActiveCall(script, transports.create(script, this));
    stats.callStarted();
    call.opened = call.transport.open();
    call.opened.whenComplete((ok, error) -> clock.wake());
    opening.add(call);
  }

  private void collectOpened(long now) {
    for (int i = 0; i < opening.size(); ) {
      ActiveCall call = opening.get(i);
      if (!call.opened.isDone()) {
        i++;
        continue;
      }
      opening.remove(i);
      RuntimeException error = failureOf(call.opened);
      if (error != null) {
        fail(error);
        closing.add(call.transport.close());
        continue;
      }
      call.baseNanos = now;
      call.nextDeadlineNanos = now;
      sending.add(call);
    }
  }

  private void runDueTimers(long now) {
    while (!timers.isEmpty() && timers.peek().dueNanos() <= now) {
      timers.poll().action().run();
    }
  }

  private void sendDueFrames() {
    long now = clock.nanoTime();
    while (failure == null && !sending.isEmpty() && sending.peek().nextDeadlineNanos <= now) {
      ActiveCall call = sending.poll();
      long deadline = call.nextDeadlineNanos;
      try {
        for (Leg leg : call.legs) {
          call.transport.send(
              leg, call.nextFrame, call.script.frame(leg, call.nextFrame), deadline);
        }
      } catch (SimulationException e) {
        fail(e);
        closing.add(call.transport.close());
        return;
      }
      if (call.nextFrame == 0) {
        call.firstSendNanos = now;
      }
      call.lastSendNanos = now;
      stats.frameSent(now, deadline, pacing.isLate(now, deadline));
      progress.accept(1);
      call.nextFrame++;
      if (call.nextFrame < call.script.frameCount()) {
        call.nextDeadlineNanos = pacing.deadlineNanos(call.baseNanos, call.nextFrame);
        sending.add(call);
      } else {
        long activeNanos = call.lastSendNanos - call.firstSendNanos + pacing.ptimeNanos();
        stats.callCompleted(activeNanos, call.legs.size(), call.nextFrame);
        at(deadline + call.transport.closeDelayNanos(), () -> closing.add(call.transport.close()));
      }
      now = clock.nanoTime();
    }
  }

  /** Ends everything still under way, and waits (bounded) for the closes to finish. */
  private void settle() {
    long deadline = clock.nanoTime() + SETTLE_NANOS;
    while (!timers.isEmpty()) {
      timers.poll().action().run();
    }
    for (ActiveCall call : sending) {
      if (call.nextFrame > 0) {
        long activeNanos = call.lastSendNanos - call.firstSendNanos + pacing.ptimeNanos();
        stats.legsActive(activeNanos, call.legs.size(), call.nextFrame);
      }
      closing.add(call.transport.close());
    }
    sending.clear();
    for (ActiveCall call : opening) {
      // A failed open may still hold a socket or an announced call: close is safe after it.
      if (await(call.opened, deadline)) {
        closing.add(call.transport.close());
      }
    }
    opening.clear();
    for (CompletableFuture<Void> close : closing) {
      if (!await(close, deadline) || failureOf(close) != null) {
        stats.closeFailed();
        if (failure == null && close.isDone()) {
          failure = failureOf(close);
        }
      }
    }
    closing.clear();
  }

  private void fail(RuntimeException error) {
    if (failure == null) {
      failure = error;
    }
  }

  private boolean await(CompletableFuture<Void> future, long deadlineNanos) {
    try {
      future.get(Math.max(0, deadlineNanos - clock.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException | CompletionException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The failure of a completed future as one sentence, or null when it succeeded. */
  static RuntimeException failureOf(CompletableFuture<?> future) {
    if (!future.isCompletedExceptionally()) {
      return null;
    }
    try {
      future.join();
      return null;
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return cause instanceof SimulationException s
          ? s
          : new SimulationException(
              cause.getMessage() != null ? cause.getMessage() : cause.toString(), cause);
    }
  }
}
