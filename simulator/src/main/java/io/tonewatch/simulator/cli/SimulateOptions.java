package io.tonewatch.simulator.cli;

import io.tonewatch.simulator.rtp.Codec;
import io.tonewatch.simulator.rtp.Impairment;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of {@code tonewatch simulate}, as a picocli mixin. Values are as typed; {@link
 * SimulateChecks} says whether they make sense together before anything is read or sent.
 */
public final class SimulateOptions {

  /** Where the auth token comes from when {@code --token} is not given. */
  public static final String TOKEN_ENV = "TONEWATCH_INGEST_AUTH_TOKEN";

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "rtp, websocket or audiosocket (default: rtp).")
  SimulationMode mode = SimulationMode.RTP;

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

  /** The network impairments asked for; throws if a share or a delay is out of range. */
  Impairment impairment() {
    return new Impairment(lossPct, reorderPct, reorderDepth, duplicatePct, jitterMs);
  }

  /** Milliseconds of audio per packet or message: only RTP lets the user choose. */
  int packetMillis() {
    return mode == SimulationMode.RTP ? ptimeMillis : 20;
  }

  /** How the calls go, for the line simulate prints before it starts. */
  String describeMode() {
    return switch (mode) {
      case RTP -> "RTP " + codec.wireName() + " " + ptimeMillis + " ms";
      case WEBSOCKET -> "Twilio Media Streams";
      case AUDIOSOCKET -> "AudioSocket";
    };
  }

  /** Where the calls go, for the same line. */
  String describeTarget() {
    return switch (mode) {
      case RTP -> staticTarget != null ? staticTarget + " (static ports)" : control;
      case WEBSOCKET -> wsUrl;
      case AUDIOSOCKET -> audioSocket;
    };
  }

  /** What the summary counts: packets, messages or frames, by mode. */
  String unitName() {
    return switch (mode) {
      case RTP -> "RTP packets";
      case WEBSOCKET -> "media messages";
      case AUDIOSOCKET -> "audio frames";
    };
  }
}
