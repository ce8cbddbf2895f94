package io.tonewatch.ingest;

import io.javalin.Javalin;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.events.callers.CallerNumbers;
import io.tonewatch.ingest.audiosocket.AudioSocketServer;
import io.tonewatch.ingest.audiosocket.AudioSocketSettings;
import io.tonewatch.ingest.call.CallRegistry;
import io.tonewatch.ingest.call.TouchingFrameSink;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.config.IngestConfig;
import io.tonewatch.ingest.control.BearerToken;
import io.tonewatch.ingest.control.ControlApi;
import io.tonewatch.ingest.jitter.JitterSettings;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.net.RtpReceivers;
import io.tonewatch.ingest.net.SourceFilter;
import io.tonewatch.ingest.net.UdpMediaServer;
import io.tonewatch.ingest.net.UdpSettings;
import io.tonewatch.ingest.sink.FrameSink;
import io.tonewatch.ingest.ws.TwilioMediaStreams;
import io.tonewatch.ingest.ws.TwilioSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: the call registry, the UDP loop for RTP (control API and static mode), the
 * HTTP server with the control API, the Twilio WebSocket route and {@code /metrics}, and the
 * AudioSocket server, all from one {@link IngestConfig}. {@link #close()} is graceful: RTP
 * receivers are flushed, then every live call ends with {@link EndReason#SHUTDOWN}. Start and close
 * from one thread; the parts are thread-safe.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final long MAX_REQUEST_BYTES = 64 * 1024;

  private final IngestConfig config;
  private final FrameSink sink;
  private final IngestMetrics metrics;
  private final Supplier<String> metricsScrape;
  private final CallRegistry registry;
  private final UdpMediaServer udp;
  private Javalin http;
  private AudioSocketServer audioSocket;

  /** {@code metricsScrape} null: no {@code /metrics} endpoint. */
  public IngestService(
      IngestConfig config, FrameSink sink, IngestMetrics metrics, Supplier<String> metricsScrape) {
    this.config = Objects.requireNonNull(config, "config");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.metricsScrape = metricsScrape;
    this.registry =
        new CallRegistry(
            sink,
            metrics,
            config.maxLegs(),
            Duration.ofSeconds(config.mediaTimeoutSeconds()),
            Clock.systemUTC(),
            System::nanoTime,
            CallerNumbers.withSecret(config.callerHashSecret()));
    PayloadMap payloads =
        PayloadMap.defaults()
            .withDynamicTypes(
                config.payloadL16Mono(), config.payloadL16Stereo(), config.payloadTelephoneEvent());
    JitterSettings jitter = JitterSettings.ofDelay(config.jitterMinMs(), config.jitterMaxMs());
    this.udp =
        new UdpMediaServer(
            udpSettings(config),
            registry,
            new RtpReceivers(payloads, jitter, sink, metrics),
            metrics,
            System::nanoTime);
  }

  /** Binds every port and starts serving; on failure everything started is closed again. */
  public synchronized IngestService start() {
    if (http != null) {
      throw new IllegalStateException("already started");
    }
    try {
      udp.start();
      if (config.audioSocketEnabled()) {
        audioSocket =
            new AudioSocketServer(audioSocketSettings(), registry, touchingSink(), metrics);
        audioSocket.start();
      }
      Javalin app =
          Javalin.create(
              cfg -> {
                cfg.showJavalinBanner = false;
                cfg.startupWatcherEnabled = false;
                cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
              });
      new ControlApi(
              registry,
              udp,
              config.rtpHost(),
              new BearerToken(config.authToken()),
              metricsScrape,
              sink::blockedReason)
          .install(app);
      if (config.websocketEnabled()) {
        new TwilioMediaStreams(registry, touchingSink(), metrics, twilioSettings()).install(app);
      }
      http = app;
      app.start(config.bindAddress(), config.httpPort());
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("ingest: cannot bind the RTP ports: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    LOG.info(
        "ingest: serving on {} (http {}, rtp {}-{}, static {})",
        config.bindAddress(),
        httpPort(),
        config.rtpPortMin(),
        config.rtpPortMax(),
        config.staticMode() ? config.staticPortMin() + "-" + config.staticPortMax() : "off");
    return this;
  }

  /** The bound HTTP port (the real one when configured as 0). */
  public synchronized int httpPort() {
    if (http == null) {
      throw new IllegalStateException("not started");
    }
    return http.port();
  }

  /** The bound AudioSocket port, or -1 when AudioSocket is off. */
  public synchronized int audioSocketPort() {
    return audioSocket == null ? -1 : audioSocket.port();
  }

  /** The static-mode RTP ports (empty when static mode is off). */
  public List<Integer> staticRtpPorts() {
    return udp.staticPorts();
  }

  /** The registry every front-end admits calls through. */
  public CallRegistry registry() {
    return registry;
  }

  /** Flushes RTP receivers, ends every live call with SHUTDOWN, then stops all servers. */
  @Override
  public synchronized void close() {
    udp.close(); // RTP calls: receivers flushed, then CallEnded(SHUTDOWN)
    registry.endAll(EndReason.SHUTDOWN);
    if (http != null) {
      http.stop();
    }
    if (audioSocket != null) {
      audioSocket.close();
    }
  }

  /** For front-ends whose calls the registry cannot see media of: frames postpone the timeout. */
  private FrameSink touchingSink() {
    return new TouchingFrameSink(sink, registry);
  }

  private UdpSettings udpSettings(IngestConfig c) {
    UdpSettings.StaticMode staticMode =
        c.staticMode()
            ? new UdpSettings.StaticMode(
                c.staticPortMin(),
                c.staticPortMax(),
                c.staticPairBy(),
                Duration.ofSeconds(c.staticPairWindowSeconds()))
            : null;
    return new UdpSettings(
        bindAddress(c),
        c.rtpPortMin(),
        c.rtpPortMax(),
        c.maxDatagramBytes(),
        new SourceFilter(c.allowedNetworks()),
        c.sourceRateLimitPps(),
        c.rateLimitMaxSources(),
        staticMode);
  }

  private TwilioSettings twilioSettings() {
    return new TwilioSettings(
        TwilioSettings.DEFAULT_PATH,
        config.authRequired() ? config.authToken() : null,
        config.websocketMaxMessageChars(),
        config.websocketMaxPayloadBytes(),
        config.websocketMaxGapFrames(),
        config.websocketIdleMillis(),
        config.websocketInboundLeg());
  }

  private AudioSocketSettings audioSocketSettings() {
    return new AudioSocketSettings(
        bindAddress(config),
        config.audioSocketPort(),
        config.maxLegs(), // one socket is at most one leg: the leg cap bounds sockets too
        config.audioSocketReadMillis(),
        config.audioSocketMaxPayloadBytes(),
        config.authRequired() ? config.authToken() : null,
        config.audioSocketFirstLeg());
  }

  private static InetAddress bindAddress(IngestConfig c) {
    try {
      return InetAddress.getByName(c.bindAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "ingest.bind-address=" + c.bindAddress() + " is unknown", e);
    }
  }
}
