package io.tonewatch.app;

import io.tonewatch.app.analysis.CallAudio;
import io.tonewatch.app.analysis.LegLayout;
import io.tonewatch.app.simulate.AudioSocketCallTransport;
import io.tonewatch.app.simulate.CallScript;
import io.tonewatch.app.simulate.Codec;
import io.tonewatch.app.simulate.ControlApiClient;
import io.tonewatch.app.simulate.Impairment;
import io.tonewatch.app.simulate.LoopClock;
import io.tonewatch.app.simulate.Pacing;
import io.tonewatch.app.simulate.RtpCallTransport;
import io.tonewatch.app.simulate.RtpTargets;
import io.tonewatch.app.simulate.Simulation;
import io.tonewatch.app.simulate.SimulationException;
import io.tonewatch.app.simulate.SimulationReport;
import io.tonewatch.app.simulate.SimulationStats;
import io.tonewatch.app.simulate.StaticPorts;
import io.tonewatch.app.simulate.TransportFactory;
import io.tonewatch.app.simulate.TwilioCallTransport;
import io.tonewatch.events.audio.CallIds;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tonewatch simulate}: real calls from WAV files to a running ingest service, live. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Sends calls from WAV files (default: the bundled two-leg sample) to a running ingest"
          + " service at real-time pace: the demo driver and the load generator.",
      "Mono is the customer leg; stereo is customer on channel 1 and agent on channel 2;"
          + " audio is resampled to 8000 Hz as analyze does. With --calls N, N calls run at"
          + " once, cycling over the files, named PREFIX1..PREFIXN.",
      "rtp: POST {control}/v1/calls per call, RTP to the answered ports, DELETE at the end;"
          + " with --static HOST:PORT, no control API: call n's customer leg goes to"
          + " PORT+4(n-1), its agent leg to PORT+4(n-1)+2.",
      "websocket: one Twilio Media Stream per call (tracks inbound = customer, outbound ="
          + " agent). audiosocket: one Asterisk AudioSocket TCP connection per leg, customer"
          + " first, the same UUID (from --seed and the call id) for both legs; the UUID is"
          + " the call id the service sees.",
      "Prints a summary at the end; Ctrl-C ends the calls cleanly. Exit 0 done, 1 the target"
          + " refused or is unreachable, 2 bad usage."
    })
final class SimulateCommand implements Callable<Integer> {

  static final String TOKEN_ENV = "TONEWATCH_INGEST_AUTH_TOKEN";
  static final int MAX_CALLS = 10_000;

  /** Stopped by Ctrl-C, as shells report SIGINT. */
  static final int STOPPED_EXIT_CODE = 130;

  private static final long PROGRESS_FROM_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int SHUTDOWN_WAIT_SECONDS = 10;

  enum Mode {
    RTP,
    WEBSOCKET,
    AUDIOSOCKET
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE.wav",
      description = "Recordings to play (default: the bundled sample call).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "rtp, websocket or audiosocket (default: rtp).")
  Mode mode = Mode.RTP;

  @Option(
      names = "--control",
      paramLabel = "URL",
      description =
          "rtp, and audiosocket with a token: the ingest control API (default:"
              + " ${DEFAULT-VALUE}).")
  String control = "http://127.0.0.1:8090";

  @Option(
      names = "--static",
      paramLabel = "HOST:PORT",
      description =
          "rtp: send to static-mode ports instead of using the control API; call n's customer"
              + " leg to PORT+4(n-1), agent leg to PORT+4(n-1)+2.")
  String staticTarget;

  @Option(
      names = "--ws-url",
      paramLabel = "URL",
      description = "websocket: the Twilio media endpoint (default: ${DEFAULT-VALUE}).")
  String wsUrl = "ws://127.0.0.1:8090/v1/media/twilio";

  @Option(
      names = "--audiosocket",
      paramLabel = "HOST:PORT",
      description = "audiosocket: the AudioSocket listener (default: ${DEFAULT-VALUE}).")
  String audioSocket = "127.0.0.1:9093";

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Auth token: Authorization: Bearer on the control API and the WebSocket (also"
              + " ?token= there); default: $"
              + TOKEN_ENV
              + ".")
  String token;

  @Option(
      names = "--calls",
      paramLabel = "N",
      description = "Calls at once, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  int calls = 1;

  @Option(
      names = "--call-id-prefix",
      paramLabel = "PREFIX",
      description = "Call ids are PREFIX1, PREFIX2, ... (default: ${DEFAULT-VALUE}).")
  String callIdPrefix = "sim-";

  @Option(
      names = "--duration",
      paramLabel = "DUR",
      converter = DurationConverter.class,
      description =
          "Length of every call, e.g. 90s, 5m, 1h, 500ms; the audio repeats to fill it or is"
              + " cut (default: the recording, --loop times).")
  Duration duration;

  @Option(
      names = "--loop",
      paramLabel = "N",
      description = "Play each recording N times in a row, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  int loop = 1;

  @Option(
      names = "--stagger",
      paramLabel = "DUR",
      converter = DurationConverter.class,
      description = "Time between the starts of consecutive calls (default: 50ms).")
  Duration stagger = Duration.ofMillis(50);

  @Option(
      names = "--codec",
      paramLabel = "CODEC",
      description = "rtp: pcmu (PT 0), pcma (PT 8) or l16 (PT 96) (default: pcmu).")
  Codec codec = Codec.PCMU;

  @Option(
      names = "--ptime",
      paramLabel = "MS",
      description = "rtp: milliseconds of audio per packet, 10 to 60 (default: ${DEFAULT-VALUE}).")
  int ptimeMillis = 20;

  @Option(
      names = "--seq-start",
      paramLabel = "N",
      description =
          "rtp: first sequence number of every leg, e.g. 65500 to force a wrap"
              + " (default: random from --seed).")
  Integer seqStart;

  @Option(
      names = "--loss",
      paramLabel = "PCT",
      description = "rtp: drop this share of packets, 0 to 100.")
  double lossPct;

  @Option(
      names = "--reorder",
      paramLabel = "PCT",
      description = "rtp: hold back this share of packets and send them after the next K.")
  double reorderPct;

  @Option(
      names = "--reorder-depth",
      paramLabel = "K",
      description = "rtp: how many packets overtake a held one (default: ${DEFAULT-VALUE}).")
  int reorderDepth = 1;

  @Option(
      names = "--duplicate",
      paramLabel = "PCT",
      description = "rtp: send this share of packets twice.")
  double duplicatePct;

  @Option(
      names = "--jitter-ms",
      paramLabel = "MS",
      description = "rtp: delay each packet by a uniform 0 to MS milliseconds.")
  int jitterMs;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed for SSRCs, sequence numbers, timestamps, impairments, stream ids and UUIDs"
              + " (default: random, printed).")
  Long seed;

  @Option(names = "--no-progress", description = "No progress bar on long runs.")
  boolean noProgress;

  @Mixin LegOptions legs;

  @Override
  public Integer call() {
    validate();
    LegLayout layout = legs.layout(spec);
    List<CallAudio> audios = loadAudio(layout);
    long runSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
    int ptime = mode == Mode.RTP ? ptimeMillis : 20;
    Pacing pacing = Pacing.ofPtimeMillis(ptime);
    List<CallScript> scripts = scripts(audios, ptime);
    long framesTotal = scripts.stream().mapToLong(CallScript::frameCount).sum();
    long expectedNanos =
        scripts.stream()
            .mapToLong(s -> s.startOffsetNanos() + s.frameCount() * pacing.ptimeNanos())
            .max()
            .orElse(0);
    String secret = token != null ? token : System.getenv(TOKEN_ENV);
    String bearer = secret == null || secret.isBlank() ? null : secret.strip();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "simulate: %d call%s by %s to %s, seed %d, about %.1f s%n",
        calls,
        calls == 1 ? "" : "s",
        describeMode(),
        describeTarget(),
        runSeed,
        expectedNanos / 1e9);
    if (mode == Mode.AUDIOSOCKET) {
      for (CallScript script : scripts.subList(0, Math.min(3, scripts.size()))) {
        err.println(
            "simulate: "
                + script.callId()
                + " is AudioSocket UUID "
                + AudioSocketCallTransport.uuidOf(runSeed, script.callId()));
      }
    }
    err.flush();

    SimulationStats stats = new SimulationStats();
    LoopClock clock = LoopClock.system();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopAndWait(stop, clock, finished), "simulate-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ExecutorService connector = Executors.newSingleThreadExecutor(SimulateCommand::daemon);
    ProgressBar bar =
        noProgress || expectedNanos < PROGRESS_FROM_NANOS
            ? null
            : Progress.bar("simulate", framesTotal, "frames");
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
            spec.commandLine().getOut(),
            stats,
            pacing,
            unit(),
            mode == Mode.RTP && !impairment().isNone(),
            System.nanoTime() - startNanos,
            completed || failure != null);
      }
      if (failure != null) {
        throw new CliFailure(failure.getMessage(), failure);
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
    return switch (mode) {
      case RTP -> {
        RtpTargets targets =
            staticTarget != null
                ? new StaticPorts(
                    hostOf("--static", staticTarget), portOf("--static", staticTarget))
                : new ControlApiClient(
                    URI.create(control), bearer, ControlApiClient.newHttpClient());
        RtpCallTransport.Settings settings =
            new RtpCallTransport.Settings(codec, runSeed, seqStart, impairment());
        yield (script, timers) -> new RtpCallTransport(script, targets, settings, timers, stats);
      }
      case WEBSOCKET -> {
        HttpClient http = ControlApiClient.newHttpClient();
        URI uri = URI.create(wsUrl);
        yield (script, timers) ->
            new TwilioCallTransport(script, uri, bearer, http, runSeed, 20, stats);
      }
      case AUDIOSOCKET -> {
        InetSocketAddress target =
            new InetSocketAddress(
                hostOf("--audiosocket", audioSocket), portOf("--audiosocket", audioSocket));
        // A service with a token serves only UUIDs announced through its control API first.
        ControlApiClient announcer =
            bearer != null || given("--control")
                ? new ControlApiClient(
                    URI.create(control), bearer, ControlApiClient.newHttpClient())
                : null;
        yield (script, timers) ->
            new AudioSocketCallTransport(script, target, connector, runSeed, announcer, stats);
      }
    };
  }

  private List<CallScript> scripts(List<CallAudio> audios, int ptime) {
    int samplesPerFrame = 8 * ptime;
    long staggerNanos = stagger.toNanos();
    List<CallScript> scripts = new ArrayList<>(calls);
    for (int n = 1; n <= calls; n++) {
      CallAudio audio = audios.get((n - 1) % audios.size());
      long totalSamples =
          duration != null
              ? Math.max(1, duration.toMillis() * 8)
              : (long) loop * Math.max(1, audio.sampleCount());
      scripts.add(
          new CallScript(
              n, callIdPrefix + n, audio, totalSamples, samplesPerFrame, (n - 1) * staggerNanos));
    }
    return scripts;
  }

  private List<CallAudio> loadAudio(LegLayout layout) {
    if (files.isEmpty()) {
      String resource = DemoCommand.SAMPLE_RESOURCE;
      String name = resource.substring(resource.lastIndexOf('/') + 1);
      return List.of(Inputs.loadResource(resource, name, spec));
    }
    Map<Path, CallAudio> byFile = new LinkedHashMap<>();
    for (Path file : files) {
      byFile.computeIfAbsent(file, f -> Inputs.load(f, layout, spec));
    }
    List<CallAudio> audios = new ArrayList<>();
    for (Path file : files) {
      CallAudio audio = byFile.get(file);
      if (audio.sampleCount() == 0) {
        throw new CliFailure(file + " holds no audio");
      }
      audios.add(audio);
    }
    return audios;
  }

  private Impairment impairment() {
    return new Impairment(lossPct, reorderPct, reorderDepth, duplicatePct, jitterMs);
  }

  private void validate() {
    if (calls < 1 || calls > MAX_CALLS) {
      throw bad("--calls must be 1 to " + MAX_CALLS + ", was " + calls);
    }
    if (loop < 1 || loop > MAX_CALLS) {
      throw bad("--loop must be 1 to " + MAX_CALLS + ", was " + loop);
    }
    if (given("--loop") && duration != null) {
      throw bad("use either --duration or --loop, not both");
    }
    if (duration != null && (duration.toMillis() < 1 || duration.toHours() > 24)) {
      throw bad("--duration must be at least 1 ms and at most 24 h, was " + duration);
    }
    if (stagger.isNegative() || stagger.toHours() > 1) {
      throw bad("--stagger must be 0 to 1 h, was " + stagger);
    }
    try {
      CallIds.require(callIdPrefix + calls);
    } catch (IllegalArgumentException e) {
      throw bad("invalid --call-id-prefix '" + callIdPrefix + "': " + e.getMessage());
    }
    if (mode == Mode.WEBSOCKET && given("--control")) {
      throw bad("--control applies to --mode rtp and audiosocket only");
    }
    onlyIn(Mode.RTP, "--static", "--codec", "--ptime", "--seq-start", "--loss");
    onlyIn(Mode.RTP, "--reorder", "--reorder-depth", "--duplicate", "--jitter-ms");
    onlyIn(Mode.WEBSOCKET, "--ws-url");
    onlyIn(Mode.AUDIOSOCKET, "--audiosocket");
    if (staticTarget != null && given("--control")) {
      throw bad("use either --control or --static, not both");
    }
    if (ptimeMillis < 10 || ptimeMillis > 60) {
      throw bad("--ptime must be 10 to 60 ms, was " + ptimeMillis);
    }
    if (seqStart != null && (seqStart < 0 || seqStart > 0xFFFF)) {
      throw bad("--seq-start must be 0 to 65535, was " + seqStart);
    }
    try {
      impairment();
    } catch (IllegalArgumentException e) {
      throw bad("invalid impairment: " + e.getMessage().replace("Pct", " %").replace("Ms", " ms"));
    }
    switch (mode) {
      case RTP -> {
        if (staticTarget != null) {
          int base = portOf("--static", staticTarget);
          if (StaticPorts.highestPort(base, calls) > 0xFFFF) {
            throw bad(calls + " calls from --static port " + base + " would need ports past 65535");
          }
        } else {
          requireUrl("--control", control, "http", "https");
        }
      }
      case WEBSOCKET -> requireUrl("--ws-url", wsUrl, "ws", "wss");
      case AUDIOSOCKET -> {
        portOf("--audiosocket", audioSocket);
        requireUrl("--control", control, "http", "https");
      }
    }
  }

  private void onlyIn(Mode only, String... options) {
    if (mode == only) {
      return;
    }
    for (String option : options) {
      if (given(option)) {
        throw bad(option + " applies to --mode " + only.name().toLowerCase(Locale.ROOT) + " only");
      }
    }
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void requireUrl(String option, String value, String... schemes) {
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null || !List.of(schemes).contains(uri.getScheme())) {
        throw bad(
            option + " must be a " + String.join(" or ", schemes) + " URL, was '" + value + "'");
      }
    } catch (java.net.URISyntaxException e) {
      throw bad("invalid " + option + " '" + value + "': " + e.getReason());
    }
  }

  private String hostOf(String option, String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw bad(option + " must be HOST:PORT, was '" + hostPort + "'");
    }
    String host = hostPort.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private int portOf(String option, String hostPort) {
    hostOf(option, hostPort);
    String port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
    try {
      int value = Integer.parseInt(port);
      if (value < 1 || value > 0xFFFF) {
        throw bad(option + " port must be 1 to 65535, was " + port);
      }
      return value;
    } catch (NumberFormatException e) {
      throw bad(option + " must be HOST:PORT, was '" + hostPort + "'");
    }
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private String describeMode() {
    return switch (mode) {
      case RTP -> "RTP " + codec.wireName() + " " + ptimeMillis + " ms";
      case WEBSOCKET -> "Twilio Media Streams";
      case AUDIOSOCKET -> "AudioSocket";
    };
  }

  private String describeTarget() {
    return switch (mode) {
      case RTP -> staticTarget != null ? staticTarget + " (static ports)" : control;
      case WEBSOCKET -> wsUrl;
      case AUDIOSOCKET -> audioSocket;
    };
  }

  private String unit() {
    return switch (mode) {
      case RTP -> "RTP packets";
      case WEBSOCKET -> "media messages";
      case AUDIOSOCKET -> "audio frames";
    };
  }

  /** Durations as people type them: 500ms, 30s, 1.5s, 5m, 1h, or plain seconds. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      String value = text.strip().toLowerCase(Locale.ROOT);
      double scaleMillis;
      if (value.endsWith("ms")) {
        scaleMillis = 1;
        value = value.substring(0, value.length() - 2);
      } else if (value.endsWith("s")) {
        scaleMillis = 1000;
        value = value.substring(0, value.length() - 1);
      } else if (value.endsWith("m")) {
        scaleMillis = 60_000;
        value = value.substring(0, value.length() - 1);
      } else if (value.endsWith("h")) {
        scaleMillis = 3_600_000;
        value = value.substring(0, value.length() - 1);
      } else {
        scaleMillis = 1000;
      }
      try {
        double amount = Double.parseDouble(value.strip());
        if (!(amount >= 0) || Double.isInfinite(amount)) {
          throw new IllegalArgumentException("'" + text + "' is not a duration");
        }
        return Duration.ofMillis(Math.round(amount * scaleMillis));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a duration such as 500ms, 30s, 5m or 1h");
      }
    }
  }
}
