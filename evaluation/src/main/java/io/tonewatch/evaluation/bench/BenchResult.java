package io.tonewatch.evaluation.bench;

/**
 * What one measured pass of the engine cost.
 *
 * @param legSeconds audio seconds summed over both legs
 * @param frames onFrame calls (20 ms of one leg each)
 * @param timedFrames frames timed one by one, a regular subsample
 * @param p50FrameNs median time of one onFrame call
 * @param p99FrameNs 99th percentile of one onFrame call
 * @param cpuNs CPU time of the measuring thread over the pass
 * @param allocatedBytes bytes the measuring thread allocated over the pass; -1 if unknown
 * @param alerts alert events the pass produced
 */
public record BenchResult(
    double legSeconds,
    long frames,
    int timedFrames,
    long p50FrameNs,
    long p99FrameNs,
    long cpuNs,
    long allocatedBytes,
    long alerts) {

  /** Audio leg-seconds per CPU second: how many legs one core keeps up with. */
  public double realTimeFactorPerCore() {
    return cpuNs > 0 ? legSeconds / (cpuNs / 1e9) : Double.POSITIVE_INFINITY;
  }

  public double bytesPerFrame() {
    return allocatedBytes < 0 || frames == 0 ? Double.NaN : allocatedBytes / (double) frames;
  }
}
