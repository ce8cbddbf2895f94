package io.tonewatch.simulator.cli;

import io.tonewatch.media.call.CallAudio;
import io.tonewatch.simulator.CallScript;
import io.tonewatch.simulator.LoopClock;
import io.tonewatch.simulator.Pacing;
import io.tonewatch.simulator.Simulation;
import io.tonewatch.simulator.SimulationException;
import io.tonewatch.simulator.SimulationReport;
import io.tonewatch.simulator.SimulationStats;
import io.tonewatch.simulator.audiosocket.AudioSocketCallTransport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/** One run of simulate on checked options: the calls, live, then the summary. */
public final class SimulateRun {

  /** Stopped by Ctrl-C, as shells report SIGINT. */
  public static final int STOPPED_EXIT_CODE = 130;

  private static final long PROGRESS_FROM_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int SHUTDOWN_WAIT_SECONDS = 10;

  private final SimulateOptions options;
  private final Predicate<String> given;
  private final PrintWriter out;
  private final PrintWriter err;
  private final ProgressDisplay.Factory progress;

  /**
   * @param given whether the user typed an option, as for {@link SimulateChecks}
   * @param out the summary
   * @param err the plan before the run and notes
   */
  public SimulateRun(
      SimulateOptions options,
      Predicate<String> given,
      PrintWriter out,
      PrintWriter err,
      ProgressDisplay.Factory progress) {
    this.options = options;
    this.given = given;
    this.out = out;
    this.err = err;
    this.progress = progress;
  }

  /**
   * Plays {@code audios} (cycled over the calls) until every call ends or Ctrl-C.
   *
   * @return 0 when every call ran to its end, {@link #STOPPED_EXIT_CODE} when stopped
   * @throws SimulationException when the target refused or vanished (after the summary)
   */
  public int run(List<CallAudio> audios) {
    long runSeed = options.seed != null ? options.seed : ThreadLocalRandom.current().nextLong();
    Pacing pacing = Pacing.ofPtimeMillis(options.packetMillis());
    List<CallScript> scripts = new CallPlan(options).scripts(audios);
    long framesTotal = scripts.stream().mapToLong(CallScript::frameCount).sum();
    long expectedNanos =
        scripts.stream()
            .mapToLong(s -> s.startOffsetNanos() + s.frameCount() * pacing.ptimeNanos())
            .max()
            .orElse(0);
    String secret =
        options.token != null ? options.token : System.getenv(SimulateOptions.TOKEN_ENV);
    String bearer = secret == null || secret.isBlank() ? null : secret.strip();
    announce(scripts, runSeed, expectedNanos);

    SimulationStats stats = new SimulationStats();
    LoopClock clock = LoopClock.system();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopAndWait(stop, clock, finished), "simulate-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ExecutorService connector = Executors.newSingleThreadExecutor(SimulateRun::daemon);
    ProgressDisplay bar =
        options.noProgress || expectedNanos < PROGRESS_FROM_NANOS
            ? null
            : progress.open("simulate", framesTotal, "frames");
    long startNanos = System.nanoTime();
    try {
      Simulation simulation =
          new Simulation(
              scripts,
              new Transports(options, given, bearer, runSeed).factory(stats, connector),
              pacing,
              clock,
              stats,
              bar == null ? n -> {} : bar::stepBy);
      SimulationException failure = null;
      boolean completed = false;
      try {
        completed = simulation.run(stop::get);
      } catch (SimulationException e) {
        failure = e;
      }
      if (bar != null) {
        bar.close();
        bar = null;
      }
      if (stats.frames() > 0 || failure == null) {
        SimulationReport.print(
            out,
            stats,
            pacing,
            options.unitName(),
            options.mode == SimulationMode.RTP && !options.impairment().isNone(),
            System.nanoTime() - startNanos,
            completed || failure != null);
      }
      if (failure != null) {
        throw failure;
      }
      return completed ? 0 : STOPPED_EXIT_CODE;
    } finally {
      if (bar != null) {
        bar.close();
      }
      connector.shutdownNow();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down (Ctrl-C): the hook is running and has just been released.
      }
    }
  }

  private void announce(List<CallScript> scripts, long runSeed, long expectedNanos) {
    int calls = options.calls;
    err.printf(
        Locale.ROOT,
        "simulate: %d call%s by %s to %s, seed %d, about %.1f s%n",
        calls,
        calls == 1 ? "" : "s",
        options.describeMode(),
        options.describeTarget(),
        runSeed,
        expectedNanos / 1e9);
    if (options.mode == SimulationMode.AUDIOSOCKET) {
      for (CallScript script : scripts.subList(0, Math.min(3, scripts.size()))) {
        err.println(
            "simulate: "
                + script.callId()
                + " is AudioSocket UUID "
                + AudioSocketCallTransport.uuidOf(runSeed, script.callId()));
      }
    }
    err.flush();
  }

  /** Ctrl-C: ask the loop to end the calls, and hold the JVM until it has (bounded). */
  private static void stopAndWait(AtomicBoolean stop, LoopClock clock, CountDownLatch finished) {
    stop.set(true);
    clock.wake();
    try {
      finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "simulate-connect");
    thread.setDaemon(true);
    return thread;
  }
}
