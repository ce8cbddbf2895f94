package io.tonewatch.simulator;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time and waiting for the simulation's loop; tests substitute a manual clock. */
public interface LoopClock {

  long nanoTime();

  /** Waits until about {@code deadlineNanos}; may return early, e.g. after {@link #wake}. */
  void parkUntil(long deadlineNanos);

  /** Makes a {@link #parkUntil} in progress (or the next one) return now; any thread may call. */
  void wake();

  /** The system's monotonic clock; the thread that creates it is the one {@link #wake} wakes. */
  static LoopClock system() {
    Thread loop = Thread.currentThread();
    return new LoopClock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void parkUntil(long deadlineNanos) {
        long waitNanos = deadlineNanos - System.nanoTime();
        if (waitNanos > 0) {
          LockSupport.parkNanos(this, waitNanos);
        }
      }

      @Override
      public void wake() {
        LockSupport.unpark(loop);
      }
    };
  }
}
