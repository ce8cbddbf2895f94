package io.tonewatch.ingest.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.jitter.JitterSettings;
import io.tonewatch.ingest.leg.RtpStreamReceiver;
import io.tonewatch.ingest.leg.RtpStreamStats;
import io.tonewatch.ingest.leg.StreamLayout;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.sink.FrameSink;
import io.tonewatch.media.codec.G711;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * How many RTP packets one core parses, repairs, decodes and hands to the publisher: {@code
 * streams} PCMU legs at 50 packets/s (20 ms), with seeded reordering (2 % of packets swapped with
 * their successor), loss (1 %) and arrival jitter, fed on one thread through {@link
 * RtpStreamReceiver} into a sink that does what the publisher's hand-off costs (an offer to a
 * bounded queue, dropping the oldest when full). Arrival times are simulated, so the run goes as
 * fast as the core allows. Prints packets per CPU-second, the per-packet processing time (p50, p99,
 * max: what the path adds before the jitter buffer's intentional delay) and bytes allocated per
 * packet. Prints figures, never asserts on timing.
 *
 * <p>Arguments: {@code [streams=2000] [seconds of media=20] [seed=7]}.
 */
public final class PacketPathBench {
  private static final long TICK_NANOS = 20_000_000L;
  private static final int PATTERN_TICKS = 1000;

  private PacketPathBench() {}

  public static void main(String[] args) {
    int streams = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 7L;
    System.out.printf(
        "PacketPathBench: %d PCMU streams, %d s of media, seed %d%n", streams, seconds, seed);
    run(streams, 3, seed, false); // warm-up: let the JIT compile the path
    run(streams, seconds, seed + 1, true);
  }

  private static void run(int streams, int seconds, long seed, boolean print) {
    Random random = new Random(seed);
    ArrayBlockingQueue<AudioMessage> queue = new ArrayBlockingQueue<>(65_536);
    FrameSink sink =
        message -> {
          while (!queue.offer(message)) {
            queue.poll(); // full: drop the oldest, as the publisher does
          }
        };
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    RtpStreamReceiver[] receivers = new RtpStreamReceiver[streams];
    byte[][] datagrams = new byte[streams][];
    int[] seqBase = new int[streams];
    long[] tsBase = new long[streams];
    int[] shift = new int[streams];
    for (int s = 0; s < streams; s++) {
      receivers[s] =
          new RtpStreamReceiver(
              "bench-" + s,
              StreamLayout.mono(Leg.CUSTOMER),
              PayloadMap.defaults(),
              JitterSettings.DEFAULTS,
              sink,
              metrics);
      datagrams[s] = pcmuTemplate(s, random);
      seqBase[s] = random.nextInt(65536);
      tsBase[s] = random.nextInt() & 0xFFFF_FFFFL;
      shift[s] = random.nextInt(PATTERN_TICKS);
    }
    int[] order = new int[PATTERN_TICKS];
    boolean[] dropped = new boolean[PATTERN_TICKS];
    for (int i = 0; i < PATTERN_TICKS; i++) {
      order[i] = i;
      dropped[i] = random.nextDouble() < 0.01;
    }
    for (int i = 0; i + 1 < PATTERN_TICKS; i++) {
      if (random.nextDouble() < 0.02) {
        int t = order[i];
        order[i] = order[i + 1];
        order[i + 1] = t;
        i++;
      }
    }
    long[] jitterNanos = new long[streams];
    for (int s = 0; s < streams; s++) {
      jitterNanos[s] = s * (TICK_NANOS / streams); // streams spread over each 20 ms
    }

    int ticks = seconds * 50;
    int[] latencies = new int[ticks * streams];
    int packets = 0;
    List<AudioMessage> drained = new ArrayList<>(65_536);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long threadId = Thread.currentThread().getId();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long allocStart = threads.getThreadAllocatedBytes(threadId);
    long wallStart = System.nanoTime();
    for (int tick = 0; tick < ticks; tick++) {
      long tickStart = tick * TICK_NANOS;
      for (int s = 0; s < streams; s++) {
        int u = tick + shift[s];
        int i = u % PATTERN_TICKS;
        int index = (u - i) + order[i] - shift[s];
        if (index < 0 || dropped[i]) {
          continue;
        }
        byte[] d = datagrams[s];
        writeHeader(d, seqBase[s] + index, tsBase[s] + 160L * index);
        long arrival = tickStart + jitterNanos[s] + (index * 7919L % 3_000_000L);
        long t0 = System.nanoTime();
        receivers[s].onDatagram(d, 0, d.length, arrival);
        latencies[packets++] = (int) Math.min(Integer.MAX_VALUE, System.nanoTime() - t0);
      }
      for (RtpStreamReceiver receiver : receivers) { // the 10 ms ticks, twice per 20 ms
        receiver.onTick(tickStart + TICK_NANOS / 2);
        receiver.onTick(tickStart + TICK_NANOS);
      }
      queue.drainTo(drained); // the publisher's thread would take these
      drained.clear();
    }
    long wallNanos = System.nanoTime() - wallStart;
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
    long allocated = threads.getThreadAllocatedBytes(threadId) - allocStart;
    if (!print) {
      return;
    }
    long late = 0;
    long lost = 0;
    long concealed = 0;
    for (RtpStreamReceiver receiver : receivers) {
      RtpStreamStats stats = receiver.stats();
      late += stats.late();
      lost += stats.lost();
      concealed += stats.concealedFrames();
    }
    int[] sorted = Arrays.copyOf(latencies, packets);
    Arrays.sort(sorted);
    System.out.printf(
        "packets %,d in %.2f s CPU (%.2f s wall): %,.0f packets/s per core%n",
        packets, cpuNanos / 1e9, wallNanos / 1e9, packets / (cpuNanos / 1e9));
    System.out.printf(
        "per-packet time: p50 %.2f us, p99 %.2f us, p99.9 %.2f us, max %.2f ms%n",
        sorted[packets / 2] / 1e3,
        sorted[(int) (packets * 0.99)] / 1e3,
        sorted[(int) (packets * 0.999)] / 1e3,
        sorted[packets - 1] / 1e6);
    System.out.printf(
        "allocated %.0f bytes per packet (each 20 ms frame: a short[160] of 336 bytes and its record)%n",
        (double) allocated / packets);
    System.out.printf(
        "lost (given up) %,d, late %,d, concealed frames %,d%n", lost, late, concealed);
  }

  private static byte[] pcmuTemplate(int stream, Random random) {
    byte[] d = new byte[12 + 160];
    d[0] = (byte) 0x80;
    d[1] = 0; // PCMU
    long ssrc = random.nextInt() & 0xFFFF_FFFFL;
    for (int i = 0; i < 4; i++) {
      d[8 + i] = (byte) (ssrc >>> (24 - 8 * i));
    }
    double hz = 200 + stream % 300;
    for (int i = 0; i < 160; i++) {
      d[12 + i] = G711.linearToUlaw((short) (8000 * Math.sin(2 * Math.PI * hz * i / 8000)));
    }
    return d;
  }

  private static void writeHeader(byte[] d, int seq, long ts) {
    d[2] = (byte) (seq >>> 8);
    d[3] = (byte) seq;
    d[4] = (byte) (ts >>> 24);
    d[5] = (byte) (ts >>> 16);
    d[6] = (byte) (ts >>> 8);
    d[7] = (byte) ts;
  }
}
