package io.tonewatch.ingest.audiosocket;

import io.tonewatch.ingest.call.CallAdmission;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.sink.FrameSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk AudioSocket front-end: a TCP server where each socket carries one leg of a call, named
 * by the UUID in its first message, then 8 kHz signed 16-bit little-endian PCM until hangup (see
 * {@link AudioSocketDecoder} for the wire format). The UUID in canonical form is the call id; the
 * first socket of a UUID is {@link AudioSocketSettings#firstLeg()}, the second the other leg. The
 * call ends ({@code HANGUP}, or {@code MEDIA_TIMEOUT} when the last leg went silent for {@link
 * AudioSocketSettings#readTimeoutMillis()}) when every leg that connected has ended.
 *
 * <p><b>Auth.</b> AudioSocket has no credentials of its own. Without a token the first socket of a
 * UUID opens the call with both legs. With a token configured, a UUID is served only if its call is
 * already open in {@link CallAdmission}, i.e. announced through the authenticated control API (with
 * transport {@code audiosocket}) before Asterisk connects; any other UUID is refused and counted
 * {@code UNAUTHORIZED}.
 *
 * <p>Threads: one acceptor thread and one pooled thread per socket (blocking, with read timeouts),
 * at most {@code maxConnections} sockets at once: the service sets it to {@code ingest.max-legs},
 * since a socket carries at most one leg. A socket beyond the cap is closed, counted {@code NO_LEG}
 * and reported to {@link CallAdmission#refusedAtLimit} like any leg refused at the cap. The gauge
 * {@code tonewatch.ingest.audiosocket.connections} shows the sockets served now. Bad input is
 * counted and dropped; no input ends the server.
 */
public final class AudioSocketServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AudioSocketServer.class);

  private final AudioSocketSettings settings;
  private final CallAdmission admission;
  private final FrameSink sink;
  private final IngestMetrics metrics;
  private final AudioSocketCalls calls;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger threadCount = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger(); // sockets served now
  private ServerSocket server;
  private ThreadPoolExecutor pool;
  private Thread acceptor;

  public AudioSocketServer(
      AudioSocketSettings settings,
      CallAdmission admission,
      FrameSink sink,
      IngestMetrics metrics) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.admission = Objects.requireNonNull(admission, "admission");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.calls = new AudioSocketCalls(admission, settings.token() != null, settings.firstLeg());
    metrics.gauge("audiosocket.connections", "AudioSocket sockets served now", connections::get);
  }

  /** Binds and starts accepting; fails with the address when the port cannot be bound. */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("AudioSocket server already started");
    }
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for AudioSocket on " + settings.bindAddress() + ":" + settings.port(), e);
    }
    // Unbounded here: the connection count below is the cap, so a thread still on its way back to
    // the pool never refuses a socket the cap allows.
    pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> daemon(r, "audiosocket-" + threadCount.incrementAndGet()));
    acceptor = daemon(this::acceptLoop, "audiosocket-accept");
    acceptor.start();
    LOG.info("audiosocket: listening on {}", server.getLocalSocketAddress());
  }

  /** The bound port, e.g. when started on port 0. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("AudioSocket server not started");
    }
    return server.getLocalPort();
  }

  /** Stops accepting, closes every socket (their calls end with {@code SHUTDOWN}) and waits. */
  @Override
  public synchronized void close() {
    if (server == null || !stopping.compareAndSet(false, true)) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      LOG.debug("audiosocket: closing the listener: {}", e.toString());
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    pool.shutdown();
    try {
      acceptor.join(5_000);
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("audiosocket: connection threads still running after 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!stopping.get()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!stopping.get()) {
          LOG.warn("audiosocket: accept failed: {}", e.toString());
        }
        continue;
      }
      serve(socket);
    }
  }

  private void serve(Socket socket) {
    if (connections.incrementAndGet() > settings.maxConnections()) {
      connections.decrementAndGet();
      admission.refusedAtLimit(1);
      refuse(socket, "over the cap of " + settings.maxConnections() + " sockets");
      return;
    }
    try {
      socket.setSoTimeout(settings.readTimeoutMillis());
      socket.setTcpNoDelay(true);
      open.add(socket);
      pool.execute(
          () -> {
            try {
              new AudioSocketConnection(
                      socket, calls, sink, metrics, settings.maxPayloadBytes(), stopping::get)
                  .run();
            } finally {
              open.remove(socket);
              connections.decrementAndGet();
            }
          });
    } catch (RejectedExecutionException | IOException e) {
      open.remove(socket);
      connections.decrementAndGet();
      refuse(socket, e.toString());
    }
  }

  private void refuse(Socket socket, String why) {
    metrics.packet(IngestMetrics.Source.AUDIOSOCKET, PacketOutcome.NO_LEG);
    LOG.debug("audiosocket: refused {}: {}", socket.getRemoteSocketAddress(), why);
    closeQuietly(socket);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
