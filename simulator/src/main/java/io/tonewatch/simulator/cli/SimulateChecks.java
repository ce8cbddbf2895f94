package io.tonewatch.simulator.cli;

import io.tonewatch.events.audio.CallIds;
import io.tonewatch.simulator.rtp.StaticPorts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Whether simulate's options make sense together, checked before any audio is read or sent. Each
 * failure is one sentence naming the option and the value.
 */
public final class SimulateChecks {

  /** The most calls at once, and the most repeats of a recording. */
  public static final int MAX_CALLS = 10_000;

  private final SimulateOptions options;
  private final Predicate<String> given;

  /**
   * @param given whether the user typed an option (by its name), as opposed to its default
   */
  public SimulateChecks(SimulateOptions options, Predicate<String> given) {
    this.options = options;
    this.given = given;
  }

  /**
   * @throws IllegalArgumentException naming the first option that is out of range or out of place
   */
  public void check() {
    SimulateOptions o = options;
    if (o.calls < 1 || o.calls > MAX_CALLS) {
      throw bad("--calls must be 1 to " + MAX_CALLS + ", was " + o.calls);
    }
    if (o.loop < 1 || o.loop > MAX_CALLS) {
      throw bad("--loop must be 1 to " + MAX_CALLS + ", was " + o.loop);
    }
    if (given.test("--loop") && o.duration != null) {
      throw bad("use either --duration or --loop, not both");
    }
    if (o.duration != null && (o.duration.toMillis() < 1 || o.duration.toHours() > 24)) {
      throw bad("--duration must be at least 1 ms and at most 24 h, was " + o.duration);
    }
    if (o.stagger.isNegative() || o.stagger.toHours() > 1) {
      throw bad("--stagger must be 0 to 1 h, was " + o.stagger);
    }
    try {
      CallIds.require(o.callIdPrefix + o.calls);
    } catch (IllegalArgumentException e) {
      throw bad("invalid --call-id-prefix '" + o.callIdPrefix + "': " + e.getMessage());
    }
    if (o.mode == SimulationMode.WEBSOCKET && given.test("--control")) {
      throw bad("--control applies to --mode rtp and audiosocket only");
    }
    onlyIn(SimulationMode.RTP, "--static", "--codec", "--ptime", "--seq-start", "--loss");
    onlyIn(SimulationMode.RTP, "--reorder", "--reorder-depth", "--duplicate", "--jitter-ms");
    onlyIn(SimulationMode.WEBSOCKET, "--ws-url");
    onlyIn(SimulationMode.AUDIOSOCKET, "--audiosocket");
    if (o.staticTarget != null && given.test("--control")) {
      throw bad("use either --control or --static, not both");
    }
    if (o.ptimeMillis < 10 || o.ptimeMillis > 60) {
      throw bad("--ptime must be 10 to 60 ms, was " + o.ptimeMillis);
    }
    if (o.seqStart != null && (o.seqStart < 0 || o.seqStart > 0xFFFF)) {
      throw bad("--seq-start must be 0 to 65535, was " + o.seqStart);
    }
    try {
      o.impairment();
    } catch (IllegalArgumentException e) {
      throw bad("invalid impairment: " + e.getMessage().replace("Pct", " %").replace("Ms", " ms"));
    }
    checkTarget();
  }

  private void checkTarget() {
    SimulateOptions o = options;
    switch (o.mode) {
      case RTP -> {
        if (o.staticTarget != null) {
          int base = HostPort.parse("--static", o.staticTarget).port();
          if (StaticPorts.highestPort(base, o.calls) > 0xFFFF) {
            throw bad(
                o.calls + " calls from --static port " + base + " would need ports past 65535");
          }
        } else {
          requireUrl("--control", o.control, "http", "https");
        }
      }
      case WEBSOCKET -> requireUrl("--ws-url", o.wsUrl, "ws", "wss");
      case AUDIOSOCKET -> {
        HostPort.parse("--audiosocket", o.audioSocket);
        requireUrl("--control", o.control, "http", "https");
      }
    }
  }

  private void onlyIn(SimulationMode only, String... names) {
    if (options.mode == only) {
      return;
    }
    for (String name : names) {
      if (given.test(name)) {
        throw bad(name + " applies to --mode " + only.name().toLowerCase(Locale.ROOT) + " only");
      }
    }
  }

  private static void requireUrl(String option, String value, String... schemes) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw bad("invalid " + option + " '" + value + "': " + e.getReason());
    }
    if (uri.getHost() == null || !List.of(schemes).contains(uri.getScheme())) {
      throw bad(
          option + " must be a " + String.join(" or ", schemes) + " URL, was '" + value + "'");
    }
  }

  private static IllegalArgumentException bad(String message) {
    return new IllegalArgumentException(message);
  }
}
