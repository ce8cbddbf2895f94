package io.tonewatch.simulator.cli;

import io.tonewatch.simulator.SimulationStats;
import io.tonewatch.simulator.TransportFactory;
import io.tonewatch.simulator.audiosocket.AudioSocketCallTransport;
import io.tonewatch.simulator.control.ControlApiClient;
import io.tonewatch.simulator.rtp.RtpCallTransport;
import io.tonewatch.simulator.rtp.RtpTargets;
import io.tonewatch.simulator.rtp.StaticPorts;
import io.tonewatch.simulator.twilio.TwilioCallTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

/** Which transport each call of a run gets, from the mode and the target options. */
final class Transports {

  private final SimulateOptions options;
  private final Predicate<String> given;
  private final String bearer;
  private final long runSeed;

  /**
   * @param bearer the auth token, or null for none
   */
  Transports(SimulateOptions options, Predicate<String> given, String bearer, long runSeed) {
    this.options = options;
    this.given = given;
    this.bearer = bearer;
    this.runSeed = runSeed;
  }

  /** Makes each call's transport for the chosen mode. */
  TransportFactory factory(SimulationStats stats, ExecutorService connector) {
    SimulateOptions o = options;
    return switch (o.mode) {
      case RTP -> {
        RtpTargets targets =
            o.staticTarget != null
                ? staticPorts(HostPort.parse("--static", o.staticTarget))
                : controlApi();
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
            bearer != null || given.test("--control") ? controlApi() : null;
        yield (script, timers) ->
            new AudioSocketCallTransport(script, target, connector, runSeed, announcer, stats);
      }
    };
  }

  private static RtpTargets staticPorts(HostPort base) {
    return new StaticPorts(base.host(), base.port());
  }

  private ControlApiClient controlApi() {
    return new ControlApiClient(
        URI.create(options.control), bearer, ControlApiClient.newHttpClient());
  }
}
