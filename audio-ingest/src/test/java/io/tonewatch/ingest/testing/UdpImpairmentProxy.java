package io.tonewatch.ingest.testing;

import io.tonewatch.testing.Await;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP proxy on 127.0.0.1 for tests: forwards every datagram to a target with seeded loss,
 * reordering (a held datagram goes out right after the next {@code reorderDepth} forwarded ones, or
 * once the input has been idle for {@link Settings#flushAfterMillis}), duplication and added
 * jitter. Each datagram takes the same five draws (loss, reorder, duplicate, jitter, jitter of the
 * copy), so a seed gives the same plan every run. Datagrams carrying an RTP header are tracked by
 * sequence number (extended over wraps, RFC 3550 A.1), so tests can ask which ones were dropped.
 *
 * <p>One daemon thread owns the socket, the held and delayed datagrams; counters are atomic and the
 * dropped sequence list is guarded by itself. Delayed datagrams wait in a bounded queue; beyond it
 * they are dropped and counted. {@link #close} stops the thread.
 */
public final class UdpImpairmentProxy implements AutoCloseable {

  /**
   * @param target where datagrams go
   * @param lossFraction 0 to 1: share dropped
   * @param reorderFraction 0 to 1: share held back
   * @param reorderDepth forwarded datagrams that overtake a held one, at least 1
   * @param duplicateFraction 0 to 1: share sent twice
   * @param jitterMs each send is delayed by a uniform 0 to this many ms
   * @param seed the plan
   * @param queueCapacity most datagrams waiting for their jitter delay
   * @param flushAfterMillis idle input after which held datagrams are released
   */
  public record Settings(
      InetSocketAddress target,
      double lossFraction,
      double reorderFraction,
      int reorderDepth,
      double duplicateFraction,
      int jitterMs,
      long seed,
      int queueCapacity,
      int flushAfterMillis) {

    public Settings {
      fraction("lossFraction", lossFraction);
      fraction("reorderFraction", reorderFraction);
      fraction("duplicateFraction", duplicateFraction);
      if (reorderDepth < 1 || jitterMs < 0 || queueCapacity < 1 || flushAfterMillis < 1) {
        throw new IllegalArgumentException(
            "reorderDepth, queueCapacity and flushAfterMillis must be positive, jitterMs not"
                + " negative");
      }
    }

    private static void fraction(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " must be 0 to 1, was " + value);
      }
    }
  }

  private record Held(
      byte[] data, long sequence, boolean duplicate, long delayNanos, long copyNanos) {}

  private record Delayed(long dueNanos, long order, byte[] data, long sequence) {}

  private static final int MAX_DATAGRAM = 65_535;

  private final Settings settings;
  private final DatagramSocket socket;
  private final Thread thread;
  private final SplittableRandom random;
  private final List<Held> held = new ArrayList<>();
  private final List<Integer> countdowns = new ArrayList<>();
  private final PriorityQueue<Delayed> delayed =
      new PriorityQueue<>(
          (a, b) ->
              a.dueNanos() != b.dueNanos()
                  ? Long.compare(a.dueNanos(), b.dueNanos())
                  : Long.compare(a.order(), b.order()));
  private final List<Long> droppedSequences = new ArrayList<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong reordered = new AtomicLong();
  private final AtomicLong duplicated = new AtomicLong();
  private final AtomicLong overflowed = new AtomicLong();
  private final AtomicLong lastForwardedSequence = new AtomicLong(-1);
  private volatile long lastReceiveNanos = System.nanoTime();
  private volatile int pending; // held + delayed, for awaitForwarded
  private volatile boolean running = true;
  private long highestSequence = -1;
  private long order;

  private UdpImpairmentProxy(Settings settings) throws SocketException {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.socket.setReceiveBufferSize(1 << 20);
    this.thread = new Thread(this::run, "udp-impairment-proxy-" + socket.getLocalPort());
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** A proxy to {@code settings.target()}, running. */
  public static UdpImpairmentProxy start(Settings settings) throws SocketException {
    return new UdpImpairmentProxy(settings);
  }

  /**
   * A proxy to 127.0.0.1:{@code targetPort}: reorder depth 1, 10,000 queued, flush after 200 ms.
   */
  public static UdpImpairmentProxy start(
      int targetPort,
      double lossFraction,
      double reorderFraction,
      double duplicateFraction,
      int jitterMs,
      long seed)
      throws SocketException {
    return start(
        new Settings(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort),
            lossFraction,
            reorderFraction,
            1,
            duplicateFraction,
            jitterMs,
            seed,
            10_000,
            200));
  }

  /** The port to send to. */
  public int port() {
    return socket.getLocalPort();
  }

  /**
   * Waits until the proxy has taken {@code sentPackets} datagrams and holds or delays none of them
   * any more: everything it will forward has gone. Counting, not quiet time, so a proxy thread that
   * is slow to read its socket cannot make this return early.
   */
  public void awaitForwarded(long sentPackets) {
    Await.until(
        "the proxy on port " + port() + " to take " + sentPackets + " and forward them",
        () -> received.get() >= sentPackets && pending == 0);
  }

  private void run() {
    byte[] buffer = new byte[MAX_DATAGRAM];
    while (running) {
      try {
        long now = System.nanoTime();
        sendDue(now);
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(settings.flushAfterMillis());
        if (!delayed.isEmpty()) {
          waitNanos = Math.min(waitNanos, delayed.peek().dueNanos() - now);
        }
        socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos) + 1));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          if (System.nanoTime() - lastReceiveNanos
              >= TimeUnit.MILLISECONDS.toNanos(settings.flushAfterMillis())) {
            releaseHeld(); // the input went quiet: nothing will overtake them any more
          }
          continue;
        }
        lastReceiveNanos = System.nanoTime();
        offer(Arrays.copyOf(packet.getData(), packet.getLength()), lastReceiveNanos);
        received.incrementAndGet(); // after offer: a counted packet is forwarded or pending
      } catch (IOException e) {
        if (!running) {
          return; // closed
        }
      }
    }
  }

  private void offer(byte[] data, long nowNanos) {
    boolean lose = random.nextDouble() < settings.lossFraction();
    boolean hold = random.nextDouble() < settings.reorderFraction();
    boolean duplicate = random.nextDouble() < settings.duplicateFraction();
    long delayNanos = jitterNanos();
    long copyNanos = jitterNanos();
    long sequence = extendedSequence(data);
    if (lose) {
      dropped.incrementAndGet();
      synchronized (droppedSequences) {
        droppedSequences.add(sequence);
      }
      return;
    }
    Held packet = new Held(data, sequence, duplicate, delayNanos, copyNanos);
    if (hold) {
      reordered.incrementAndGet();
      held.add(packet);
      countdowns.add(settings.reorderDepth());
      updatePending();
      return;
    }
    emit(packet, nowNanos);
    for (int i = 0; i < held.size(); ) {
      int left = countdowns.get(i) - 1;
      if (left == 0) {
        countdowns.remove(i);
        emit(held.remove(i), nowNanos);
      } else {
        countdowns.set(i, left);
        i++;
      }
    }
    updatePending();
  }

  private void releaseHeld() {
    long now = System.nanoTime();
    for (Held packet : held) {
      emit(packet, now);
    }
    held.clear();
    countdowns.clear();
    updatePending();
  }

  private void emit(Held packet, long nowNanos) {
    schedule(packet.data(), packet.sequence(), nowNanos + packet.delayNanos());
    if (packet.duplicate()) {
      duplicated.incrementAndGet();
      schedule(
          packet.data(),
          packet.sequence(),
          nowNanos + Math.max(packet.delayNanos(), packet.copyNanos()));
    }
  }

  private void schedule(byte[] data, long sequence, long dueNanos) {
    if (dueNanos <= System.nanoTime() && delayed.isEmpty()) {
      send(data, sequence);
      return;
    }
    if (delayed.size() >= settings.queueCapacity()) {
      overflowed.incrementAndGet();
      return;
    }
    delayed.add(new Delayed(dueNanos, order++, data, sequence));
  }

  private void sendDue(long nowNanos) {
    while (!delayed.isEmpty() && delayed.peek().dueNanos() <= nowNanos) {
      Delayed next = delayed.poll();
      send(next.data(), next.sequence());
    }
    updatePending();
  }

  private void send(byte[] data, long sequence) {
    try {
      socket.send(new DatagramPacket(data, data.length, settings.target()));
      forwarded.incrementAndGet();
      if (sequence > lastForwardedSequence.get()) {
        lastForwardedSequence.set(sequence);
      }
    } catch (IOException e) {
      // The target is not listening: UDP loses it, as a network would.
    }
  }

  private void updatePending() {
    pending = held.size() + delayed.size();
  }

  /** RTP sequence number extended over wraps relative to the highest seen, or -1 if too short. */
  private long extendedSequence(byte[] data) {
    if (data.length < 12 || (data[0] & 0xC0) != 0x80) {
      return -1;
    }
    int sequence = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
    if (highestSequence < 0) {
      highestSequence = sequence + 0x10000L; // room below for packets reordered before the first
      return highestSequence;
    }
    long extended = highestSequence + (short) (sequence - (int) (highestSequence & 0xFFFF));
    highestSequence = Math.max(highestSequence, extended);
    return extended;
  }

  private long jitterNanos() {
    return Math.round(random.nextDouble() * settings.jitterMs() * 1_000_000.0);
  }

  /** Datagrams that arrived. */
  public long received() {
    return received.get();
  }

  /** Datagrams sent on to the target, copies included. */
  public long forwarded() {
    return forwarded.get();
  }

  /** Datagrams dropped by the plan (not counting queue overflow). */
  public long dropped() {
    return dropped.get();
  }

  /** Datagrams held back and sent late. */
  public long reordered() {
    return reordered.get();
  }

  /** Datagrams sent twice. */
  public long duplicated() {
    return duplicated.get();
  }

  /** Datagrams dropped because the delay queue was full. */
  public long overflowed() {
    return overflowed.get();
  }

  /**
   * The highest extended RTP sequence number forwarded so far, -1 before any. Extended numbers
   * start at the first datagram's sequence + 65536 and keep counting over wraps.
   */
  public long lastForwardedSequence() {
    return lastForwardedSequence.get();
  }

  /** How many dropped RTP datagrams had an extended sequence number below {@code sequence}. */
  public long droppedSequencesBefore(long sequence) {
    synchronized (droppedSequences) {
      return droppedSequences.stream().filter(s -> s >= 0 && s < sequence).count();
    }
  }

  /** The extended sequence numbers dropped, in arrival order. */
  public List<Long> droppedSequences() {
    synchronized (droppedSequences) {
      return List.copyOf(droppedSequences);
    }
  }

  @Override
  public void close() {
    running = false;
    socket.close();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
