package io.tonewatch.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Closes a long-running command's runtime exactly once: on Ctrl-C or SIGTERM (a shutdown hook that
 * waits for the close to finish) or when the command decides to stop. Thread-safe.
 */
final class Stopper {
  private final AutoCloseable runtime;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;
  private boolean closing;

  private Stopper(AutoCloseable runtime, String name) {
    this.runtime = runtime;
    this.hook = new Thread(this::closeOnce, name);
  }

  static Stopper onShutdown(AutoCloseable runtime, String name) {
    Stopper stopper = new Stopper(runtime, name);
    Runtime.getRuntime().addShutdownHook(stopper.hook);
    return stopper;
  }

  /** True once stopped; waits up to {@code millis} for it. */
  boolean await(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Waits until stopped (Ctrl-C, SIGTERM), {@code durationMillis} passed (0: no limit) or {@code
   * failure} names a fatal error; stops in the last two cases and throws that error as a {@link
   * CliFailure}.
   */
  void runUntil(long durationMillis, Supplier<? extends Exception> failure, String command)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMillis);
    while (!await(200)) {
      Exception fatal = failure.get();
      if (fatal != null) {
        stop();
        throw new CliFailure(command + ": " + fatal.getMessage(), fatal);
      }
      if (durationMillis > 0 && System.nanoTime() - deadline >= 0) {
        stop();
      }
    }
  }

  /** Closes the runtime now (if nobody did) and removes the hook. */
  void stop() {
    closeOnce();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or ran: nothing left to undo
    }
  }

  private void closeOnce() {
    boolean first;
    synchronized (this) {
      first = !closing;
      closing = true;
    }
    if (!first) {
      awaitQuietly();
      return;
    }
    try {
      runtime.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(Stopper.class).warn("closing failed: {}", e.toString());
    } finally {
      stopped.countDown();
    }
  }

  private void awaitQuietly() {
    try {
      stopped.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
