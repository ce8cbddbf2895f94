package io.tonewatch.simulator.cli;

/** Where a long run shows how far it has got; the distribution chooses how it looks. */
public interface ProgressDisplay extends AutoCloseable {

  /** Opens a display for {@code total} frames; shown only on runs long enough to need it. */
  interface Factory {
    ProgressDisplay open(String task, long total, String unit);
  }

  /** {@code frames} more frames were sent. */
  void stepBy(long frames);

  @Override
  void close();
}
