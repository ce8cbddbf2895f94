package io.tonewatch.simulator;

/** Actions the simulation's loop thread runs at a later time, such as jitter-delayed sends. */
public interface Timers {

  /** Runs {@code action} on the loop thread at about {@code dueNanos}. */
  void at(long dueNanos, Runnable action);
}
