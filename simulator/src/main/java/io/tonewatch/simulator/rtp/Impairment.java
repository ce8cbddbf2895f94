package io.tonewatch.simulator.rtp;

/**
 * What to do to a packet stream on purpose, as a lossy network would.
 *
 * @param lossPct share of packets dropped, 0 to 100
 * @param reorderPct share of packets held back and sent after the next {@code reorderDepth}
 * @param reorderDepth how many later packets overtake a held one, at least 1
 * @param duplicatePct share of packets sent twice
 * @param jitterMs each send is delayed by a uniform 0 to this many milliseconds
 */
public record Impairment(
    double lossPct, double reorderPct, int reorderDepth, double duplicatePct, int jitterMs) {

  public static final Impairment NONE = new Impairment(0, 0, 1, 0, 0);

  public Impairment {
    requirePct("lossPct", lossPct);
    requirePct("reorderPct", reorderPct);
    requirePct("duplicatePct", duplicatePct);
    if (reorderDepth < 1 || reorderDepth > 1000) {
      throw new IllegalArgumentException("reorderDepth must be 1 to 1000, was " + reorderDepth);
    }
    if (jitterMs < 0 || jitterMs > 10_000) {
      throw new IllegalArgumentException("jitterMs must be 0 to 10000, was " + jitterMs);
    }
  }

  public boolean isNone() {
    return lossPct == 0 && reorderPct == 0 && duplicatePct == 0 && jitterMs == 0;
  }

  private static void requirePct(String name, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(name + " must be 0 to 100, was " + value);
    }
  }
}
