package io.tonewatch.simulator.cli;

import io.tonewatch.media.call.CallAudio;
import io.tonewatch.simulator.CallScript;
import io.tonewatch.simulator.LoopClock;
import io.tonewatch.simulator.Pacing;
import io.tonewatch.simulator.Simulation;
import io.tonewatch.simulator.SimulationException;
import io.tonewatch.simulator.SimulationReport;
import io.tonewatch.simulator.SimulationStats;
import io.tonewatch.simulator.TransportFactory;
import io.tonewatch.simulator.audiosocket.AudioSocketCallTransport;
import io.tonewatch.simulator.control.ControlApiClient;
import io.tonewatch.simulator.rtp.RtpCallTransport;
import io.tonewatch.simulator.rtp.RtpTargets;
import io.tonewatch.simulator.rtp.StaticPorts;
import io.tonewatch.simulator.twilio.TwilioCallTransport;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
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
              transports(stats, bearer, runSeed, connector),
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
            unit(),
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
        describeMode(),
        describeTarget(),
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

  /** Makes each call's transport for the chosen mode. */
  private TransportFactory transports(
      SimulationStats stats, String bearer, long runSeed, ExecutorService connector) {
    SimulateOptions o = options;
    return switch (o.mode) {
      case RTP -> {
        RtpTargets targets =
            o.staticTarget != null
                ? staticPorts(HostPort.parse("--static", o.staticTarget))
                : controlApi(bearer);
        RtpCallTransport.Settings settings =
            new RtpCallTransport.Settings(o.codec, runSeed, o.seqStart, o.impairment());
        yield (script, timers) -> new RtpCallTransport(script, targets, settings, timers, stats);
      }
      case WEBSOCKET -> {
        HttpClient http = ControlApiClient.newHttpClient();
        URI uri = URI.create(o.wsUrl);
        yield (script, timers) ->
            new TwilioCallTransport(script, uri, bearer, http, runSeed, 20, stats);
      }
      case AUDIOSOCKET -> {
        HostPort listener = HostPort.parse("--audiosocket", o.audioSocket);
        InetSocketAddress target = new InetSocketAddress(listener.host(), listener.port());
        // A service with a token serves only UUIDs announced through its control API first.
        ControlApiClient announcer =
            bearer != null || given.test("--control") ? controlApi(bearer) : null;
        yield (script, timers) ->
            new AudioSocketCallTransport(script, target, connector, runSeed, announcer, stats);
      }
    };
  }

  private static RtpTargets staticPorts(HostPort base) {
    return new StaticPorts(base.host(), base.port());
  }

  private ControlApiClient controlApi(String bearer) {
    return new ControlApiClient(
        URI.create(options.control), bearer, ControlApiClient.newHttpClient());
  }

  private String describeMode() {
    return switch (options.mode) {
      case RTP -> "RTP " + options.codec.wireName() + " " + options.ptimeMillis + " ms";
      case WEBSOCKET -> "Twilio Media Streams";
      case AUDIOSOCKET -> "AudioSocket";
    };
  }

  private String describeTarget() {
    return switch (options.mode) {
      case RTP ->
          options.staticTarget != null ? options.staticTarget + " (static ports)" : options.control;
      case WEBSOCKET -> options.wsUrl;
      case AUDIOSOCKET -> options.audioSocket;
    };
  }

  private String unit() {
    return switch (options.mode) {
      case RTP -> "RTP packets";
      case WEBSOCKET -> "media messages";
      case AUDIOSOCKET -> "audio frames";
    };
  }
}
