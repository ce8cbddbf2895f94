package io.tonewatch.ingest.net;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.call.CallRegistry;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every RTP and RTCP port of the service on one thread: a {@link Selector} over non-blocking {@link
 * DatagramChannel}s, never a thread per call. Each datagram is received into one reused buffer,
 * checked for size ({@code OVERSIZED}), source network ({@code REJECTED_SOURCE}) and per-source
 * rate ({@code RATE_LIMITED}), then handed to its stream's receiver; RTCP on port+1 is counted and
 * dropped (RFC 3550 section 11). The same thread ticks every receiver about every 10 ms and, every
 * 250 ms, reports media to the registry and ends idle calls. Other threads reach the loop only
 * through a command queue ({@link Selector#wakeup()}); the loop owns all other state. A command
 * that ends a call first reads what has already arrived on the call's ports: a hangup right after
 * the last packets (often the loudest audio of the call) must not drop them.
 */
public final class UdpMediaServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UdpMediaServer.class);
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long HOUSEKEEPING_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  // One read per ready channel and wake-up: at 50 packets/s a second read almost always finds the
  // socket empty and costs a syscall; a busy port stays ready and is read again on the next select.
  private static final int READS_PER_WAKEUP = 1;
  // A full 256 KiB receive buffer of 20 ms G.711 packets is about 1,400 datagrams: draining a
  // call's port before it ends reads at most this many, so one end cannot stall the loop.
  private static final int MAX_DRAIN_READS = 2_048;

  /** Why {@link #openCall} did or did not open a call. */
  public enum OpenStatus {
    OPENED,
    DUPLICATE,
    LIMIT_REACHED,
    NO_PORTS
  }

  /** The answer of {@link #openCall}: each leg's RTP port when opened (RTCP is port + 1). */
  public record OpenResult(OpenStatus status, Map<Leg, Integer> rtpPorts) {}

  private final UdpSettings settings;
  private final CallRegistry registry;
  private final ReceiverFactory receivers;
  private final IngestMetrics metrics;
  private final LongSupplier nanoTime;
  private final PortPool ports;
  private final DatagramGate gate;
  private final LiveStreams live;
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  // Direct, so the JDK receives straight into it instead of into a thread-local temporary buffer
  // it then copies from; the datagram is copied once into a reused array for the receivers.
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(65_536); // any UDP payload fits
  private final byte[] datagram = new byte[65_536];
  private final List<Integer> staticPorts = new ArrayList<>();
  private final List<DatagramChannel> staticChannels = new ArrayList<>();
  private final Map<Integer, SelectionKey> rtpKeys = new HashMap<>(); // RTP port -> its key
  private StaticCalls staticCalls;
  private Selector selector;
  private Thread thread;
  private volatile boolean running;

  /**
   * Guards {@link #accepting}: a command is queued only while the loop will still run it, and the
   * loop's last drain takes the same lock to stop accepting first, so no command is queued after
   * that drain and lost (an open call would keep its ports and never send CallEnded).
   */
  private final Object submitLock = new Object();

  private boolean accepting;

  public UdpMediaServer(
      UdpSettings settings,
      CallRegistry registry,
      ReceiverFactory receivers,
      IngestMetrics metrics,
      LongSupplier nanoTime) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.receivers = Objects.requireNonNull(receivers, "receivers");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.ports = new PortPool(settings.bindAddress(), settings.rtpPortMin(), settings.rtpPortMax());
    this.gate =
        new DatagramGate(
            settings.maxDatagramBytes(),
            settings.sourceFilter(),
            new RateLimiter(settings.sourceRateLimitPps(), settings.rateLimitMaxSources()));
    this.live = new LiveStreams(registry);
  }

  /** Binds the static ports (if any) and starts the loop thread. */
  public synchronized void start() throws IOException {
    if (selector != null) {
      throw new IllegalStateException("already started");
    }
    selector = Selector.open();
    if (settings.staticMode() != null) {
      bindStatic(settings.staticMode());
    }
    running = true;
    synchronized (submitLock) {
      accepting = true;
    }
    thread = new Thread(this::loop, "tonewatch-udp");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Admits {@code callId} with RTP ports for {@code legs}: one port per leg, or one for both when
   * {@code stereo} (channel 0 the first leg, channel 1 the second). Thread-safe; CallStarted is
   * published before any of its media can be received.
   */
  public OpenResult openCall(
      String callId, List<Leg> legs, Map<String, String> metadata, boolean stereo) {
    if (stereo && legs.size() != 2) {
      throw new IllegalArgumentException("a stereo stream carries exactly two legs");
    }
    if (registry.isOpen(callId)) {
      return new OpenResult(OpenStatus.DUPLICATE, Map.of());
    }
    List<PortPool.PortPair> pairs = new ArrayList<>();
    for (int i = 0; i < (stereo ? 1 : legs.size()); i++) {
      PortPool.PortPair pair = ports.allocate();
      if (pair == null) {
        pairs.forEach(this::release);
        return new OpenResult(OpenStatus.NO_PORTS, Map.of());
      }
      pairs.add(pair);
    }
    CallRegistry.Admission admission =
        registry.admit(callId, new LinkedHashSet<>(legs), metadata, this::endCall, true);
    if (admission != CallRegistry.Admission.OPENED) {
      pairs.forEach(this::release);
      return new OpenResult(
          admission == CallRegistry.Admission.DUPLICATE
              ? OpenStatus.DUPLICATE
              : OpenStatus.LIMIT_REACHED,
          Map.of());
    }
    if (!submit(() -> serve(callId, legs, stereo, pairs))) { // the loop has stopped
      pairs.forEach(this::release);
      registry.close(callId, EndReason.SHUTDOWN);
      return new OpenResult(OpenStatus.NO_PORTS, Map.of());
    }
    Map<Leg, Integer> rtpPorts = new EnumMap<>(Leg.class);
    for (int i = 0; i < legs.size(); i++) {
      rtpPorts.put(legs.get(i), pairs.get(stereo ? 0 : i).rtpPort());
    }
    return new OpenResult(OpenStatus.OPENED, rtpPorts);
  }

  /** Ends an RTP call on the loop thread (flush, release ports, CallEnded); done when complete. */
  public CompletableFuture<Void> endCall(String callId, EndReason reason) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!submit(
        () -> {
          drainAndEnd(callId, reason);
          done.complete(null);
        })) {
      done.complete(null);
    }
    return done;
  }

  /** The live RTP calls, refreshed every 250 ms. */
  public List<RtpCallInfo> calls() {
    return List.copyOf(live.views().values());
  }

  /** The static-mode RTP ports bound at start, ascending. */
  public synchronized List<Integer> staticPorts() {
    return List.copyOf(staticPorts);
  }

  /** Ends every RTP call with {@link EndReason#SHUTDOWN}, closes every port, stops the loop. */
  @Override
  public void close() {
    Thread loop;
    synchronized (this) {
      loop = thread;
      if (loop == null || !running) {
        return;
      }
      submit(() -> running = false);
    }
    try {
      loop.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean submit(Runnable command) {
    synchronized (submitLock) {
      if (!accepting) {
        return false;
      }
      commands.add(command);
      selector
          .wakeup(); // under the lock: the loop closes the selector only after it stops accepting
    }
    return true;
  }

  private void loop() {
    long nextTick = nanoTime.getAsLong();
    long nextHousekeeping = nextTick + HOUSEKEEPING_NANOS;
    try {
      while (running) {
        long waitMillis =
            Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - nanoTime.getAsLong()));
        selector.select(waitMillis);
        runCommands();
        for (SelectionKey key : selector.selectedKeys()) {
          readAll(key);
        }
        selector.selectedKeys().clear();
        long now = nanoTime.getAsLong();
        if (now - nextTick >= 0) {
          live.tick(now);
          nextTick = now + TICK_NANOS;
        }
        if (now - nextHousekeeping >= 0) {
          live.housekeeping();
          registry.expireIdle(); // idle RTP calls come back through endCall as commands
          nextHousekeeping = now + HOUSEKEEPING_NANOS;
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("udp loop: stopped by an internal error; ending its calls", e);
    } finally {
      running = false;
      synchronized (submitLock) {
        accepting = false;
      }
      runCommands(); // everything accepted before the stop still runs: opens, then their ends
      live.callIds().forEach(callId -> drainAndEnd(callId, EndReason.SHUTDOWN));
      staticChannels.forEach(PortPool::closeQuietly);
      try {
        selector.close();
      } catch (IOException e) {
        LOG.debug("udp loop: selector close failed", e);
      }
    }
  }

  private void runCommands() {
    Runnable command;
    while ((command = commands.poll()) != null) {
      try {
        command.run();
      } catch (RuntimeException e) {
        LOG.warn("udp loop: a command failed", e);
      }
    }
  }

  /** Reads what the call's RTP ports already hold, then ends the call (flush, CallEnded). */
  private void drainAndEnd(String callId, EndReason reason) {
    for (int port : live.rtpPortsOf(callId)) {
      SelectionKey key = rtpKeys.get(port);
      if (key != null) {
        read(key, MAX_DRAIN_READS);
      }
    }
    live.end(callId, reason);
    dropCancelledKeys();
  }

  /**
   * A closed channel keeps its port bound until the selector drops its cancelled key at the next
   * selection; dropping it now frees an ended call's ports before the end completes, so they can be
   * opened again at once.
   */
  private void dropCancelledKeys() {
    try {
      selector.selectNow(); // keys it finds ready are read after the commands, as usual
    } catch (IOException e) {
      LOG.debug("udp loop: selectNow failed", e);
    }
  }

  private void readAll(SelectionKey key) {
    read(key, READS_PER_WAKEUP);
  }

  private void read(SelectionKey key, int maxReads) {
    if (!key.isValid()) {
      return;
    }
    DatagramChannel channel = (DatagramChannel) key.channel();
    Endpoint endpoint = (Endpoint) key.attachment();
    for (int i = 0; i < maxReads; i++) {
      buffer.clear();
      SocketAddress from;
      try {
        from = channel.receive(buffer);
      } catch (IOException e) {
        LOG.debug("udp port {}: receive failed", endpoint.port(), e);
        return;
      }
      if (from == null) {
        return;
      }
      int length = buffer.position();
      buffer.flip();
      buffer.get(datagram, 0, length);
      onDatagram(endpoint, (InetSocketAddress) from, length);
    }
  }

  private void onDatagram(Endpoint endpoint, InetSocketAddress from, int length) {
    long now = nanoTime.getAsLong();
    PacketOutcome refused = gate.refuse(from.getAddress(), length, now);
    if (refused == null && endpoint.rtcp()) {
      refused = PacketOutcome.RTCP;
    }
    if (refused != null) {
      metrics.packet(IngestMetrics.Source.RTP, refused);
      return;
    }
    try {
      if (endpoint.stream() != null) {
        endpoint.stream().onDatagram(datagram, 0, length, now);
      } else {
        staticCalls.onDatagram(endpoint.port(), from, datagram, length, now);
      }
    } catch (RuntimeException e) {
      metrics.packet(IngestMetrics.Source.RTP, PacketOutcome.MALFORMED);
      LOG.debug("udp port {}: datagram dropped", endpoint.port(), e);
    }
  }

  /** On the loop thread: registers an admitted call's channels and creates its receivers. */
  private void serve(String callId, List<Leg> legs, boolean stereo, List<PortPool.PortPair> pairs) {
    live.addCall(callId, false, new LinkedHashSet<>(legs), () -> pairs.forEach(this::release));
    try {
      for (int i = 0; i < pairs.size(); i++) {
        PortPool.PortPair pair = pairs.get(i);
        List<Leg> channels = stereo ? legs : List.of(legs.get(i));
        RtpStream stream =
            new RtpStream(callId, pair.rtpPort(), channels, receivers.create(callId, channels));
        live.addStream(stream);
        rtpKeys.put(
            pair.rtpPort(),
            pair.rtp()
                .register(
                    selector, SelectionKey.OP_READ, new Endpoint(pair.rtpPort(), false, stream)));
        pair.rtcp()
            .register(selector, SelectionKey.OP_READ, new Endpoint(pair.rtpPort() + 1, true, null));
      }
    } catch (ClosedChannelException | RuntimeException e) {
      LOG.warn("call {}: cannot serve its ports; ending it", callId, e);
      live.end(callId, EndReason.SHUTDOWN);
    }
  }

  private void release(PortPool.PortPair pair) {
    if (Thread.currentThread() == thread) {
      rtpKeys.remove(pair.rtpPort()); // the loop owns the map; other threads release unserved pairs
    }
    pair.close(); // closing deregisters from the selector
    ports.release(pair.rtpPort());
  }

  private void bindStatic(UdpSettings.StaticMode mode) throws IOException {
    staticCalls =
        new StaticCalls(
            mode.pairBy(),
            mode.portMin(),
            mode.pairWindow().toNanos(),
            registry,
            receivers,
            metrics,
            live,
            this::endCall);
    for (int port = mode.portMin(); port + 1 <= mode.portMax(); port += 2) {
      PortPool.PortPair pair = PortPool.tryBind(settings.bindAddress(), port);
      if (pair == null) {
        staticChannels.forEach(PortPool::closeQuietly);
        throw new IOException("static mode: port " + port + " or " + (port + 1) + " is taken");
      }
      staticChannels.add(pair.rtp());
      staticChannels.add(pair.rtcp());
      rtpKeys.put(
          port,
          pair.rtp().register(selector, SelectionKey.OP_READ, new Endpoint(port, false, null)));
      pair.rtcp().register(selector, SelectionKey.OP_READ, new Endpoint(port + 1, true, null));
      staticPorts.add(port);
    }
  }

  /** What a channel's datagrams go to: RTCP, one stream, or (stream null) static mode. */
  private record Endpoint(int port, boolean rtcp, RtpStream stream) {}
}
