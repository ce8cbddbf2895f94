package io.tonewatch.evaluation.bench;

import io.tonewatch.evaluation.analysis.FrameFeeder;
import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.CallAnalyzer;
import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.engine.WallClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Feeds a playlist of calls, repeated, to one engine as one long two-leg call: first a warm-up pass
 * for the JIT, then the measured pass. Every {@link #TIMED_EVERY}th onFrame call is timed on its
 * own; CPU time and allocation come from the thread's own counters, so nothing else running on the
 * machine counts against the engine. Runs on the calling thread.
 */
public final class EngineBench {

  static final int TIMED_EVERY = 8;
  private static final int PROGRESS_EVERY_FRAMES = 25_000;

  private final List<BenchCall> playlist;
  private final FrameFeeder feeder = new FrameFeeder();
  private long alerts;

  public EngineBench(List<BenchCall> playlist) {
    if (playlist.isEmpty()) {
      throw new IllegalArgumentException("the benchmark needs at least one call");
    }
    if (playlist.stream().mapToLong(BenchCall::frameCount).sum() == 0) {
      throw new IllegalArgumentException("the benchmark's calls hold no audio");
    }
    this.playlist = List.copyOf(playlist);
  }

  /** Feeds {@code framesPerLeg} frames of each leg and forgets the result. */
  public void warmUp(long framesPerLeg) {
    run(newAnalyzer(), framesPerLeg, new long[0], frames -> {});
  }

  /**
   * The measured pass.
   *
   * @param progress told how many frames per leg are done, now and then, outside timed regions
   */
  public BenchResult measure(long framesPerLeg, LongConsumer progress) {
    long calls = framesPerLeg * 2;
    long[] timesNs = new long[(int) Math.min(Integer.MAX_VALUE - 8, calls / TIMED_EVERY + 1)];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CallAnalyzer analyzer = newAnalyzer();
    alerts = 0;
    long allocatedBefore = allocatedBytes();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    int timed = run(analyzer, framesPerLeg, timesNs, progress);
    long cpuNs = threads.getCurrentThreadCpuTime() - cpuBefore;
    long allocatedAfter = allocatedBytes();
    long allocated = allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore;
    long[] sorted = Arrays.copyOf(timesNs, timed);
    Arrays.sort(sorted);
    return new BenchResult(
        framesPerLeg * 2 * CallAnalyzer.FRAME_MILLIS / 1000.0,
        calls,
        timed,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        cpuNs,
        allocated,
        alerts);
  }

  private CallAnalyzer newAnalyzer() {
    return new CallAnalyzer(
        "bench",
        DetectorSettings.defaults(),
        WallClock.anchoredAt(Instant.EPOCH),
        event -> alerts++,
        null);
  }

  private int run(CallAnalyzer analyzer, long framesPerLeg, long[] timesNs, LongConsumer progress) {
    long done = 0;
    long count = 0;
    int timed = 0;
    while (done < framesPerLeg) {
      for (int c = 0; c < playlist.size() && done < framesPerLeg; c++) {
        BenchCall call = playlist.get(c);
        int frames = call.frameCount();
        for (int i = 0; i < frames && done < framesPerLeg; i++) {
          for (int leg = 0; leg < 2; leg++) {
            short[] samples = leg == 0 ? call.customer() : call.agent();
            Leg which = leg == 0 ? Leg.CUSTOMER : Leg.AGENT;
            if (count++ % TIMED_EVERY == 0 && timed < timesNs.length) {
              long t0 = System.nanoTime();
              feeder.feedFrame(analyzer, which, samples, i);
              timesNs[timed++] = System.nanoTime() - t0;
            } else {
              feeder.feedFrame(analyzer, which, samples, i);
            }
          }
          if (++done % PROGRESS_EVERY_FRAMES == 0) {
            progress.accept(done);
          }
        }
      }
    }
    analyzer.finish();
    progress.accept(done);
    return timed;
  }

  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
  }

  /** This thread's allocated bytes, or -1 where the JVM cannot tell. */
  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported()
        && sun.isThreadAllocatedMemoryEnabled()) {
      return sun.getCurrentThreadAllocatedBytes();
    }
    return -1;
  }
}
