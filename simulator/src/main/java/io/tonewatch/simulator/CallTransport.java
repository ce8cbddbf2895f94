package io.tonewatch.simulator;

import io.tonewatch.events.Leg;
import java.util.concurrent.CompletableFuture;

/**
 * How one simulated call reaches the target. The simulation's loop thread calls every method;
 * {@link #open} and {@link #close} may finish on other threads, and fail with a {@link
 * SimulationException}.
 */
public interface CallTransport {

  /** Announces or connects the call; media starts once this completes. */
  CompletableFuture<Void> open();

  /**
   * Sends frame {@code frameIndex} of {@code leg}, due at {@code deadlineNanos}.
   *
   * @throws SimulationException when the target has gone away
   */
  void send(Leg leg, long frameIndex, short[] samples, long deadlineNanos);

  /** How long after its last frame's deadline the call may close, e.g. to let jitter drain. */
  default long closeDelayNanos() {
    return 0;
  }

  /** Ends the call: releases held packets, hangs up; safe after a failed open or send. */
  CompletableFuture<Void> close();
}
