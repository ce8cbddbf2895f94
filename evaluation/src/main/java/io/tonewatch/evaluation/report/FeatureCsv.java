package io.tonewatch.evaluation.report;

import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.FeatureFrame;
import io.tonewatch.processor.engine.FeatureListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes every analysis frame's features as CSV while the call is analysed, one row per frame and
 * leg, legs interleaved in time order as the engine receives them, so the features can be studied
 * like openSMILE's low-level descriptors. Owned by the thread that feeds the engine.
 */
public final class FeatureCsv implements FeatureListener {

  public static final String HEADER =
      "leg,time_s,f0_hz,level_dbfs,tilt_db,hammarberg_db,score,speech,concealed,raised";

  private final Writer out;
  private final StringBuilder line = new StringBuilder(96);

  /** Writes the header line to {@code out}; the caller flushes and closes it. */
  public FeatureCsv(Writer out) throws IOException {
    this.out = out;
    out.write(HEADER);
    out.write('\n');
  }

  /**
   * Writes one row.
   *
   * @throws UncheckedIOException when the writer fails: the analysis cannot go on without its CSV
   */
  @Override
  public void onFeatures(Leg leg, FeatureFrame frame) {
    line.setLength(0);
    row(leg, frame, line);
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends one row with its newline: fixed decimals, 0/1 flags, f0 0 when unvoiced. */
  static void row(Leg leg, FeatureFrame f, StringBuilder line) {
    line.append(leg.wireName()).append(',');
    Decimals.append(line, f.timeS(), 3).append(',');
    Decimals.append(line, f.f0Hz() > 0 ? f.f0Hz() : 0.0, 1).append(',');
    Decimals.append(line, f.levelDbfs(), 2).append(',');
    Decimals.append(line, f.tiltDb(), 2).append(',');
    Decimals.append(line, f.hammarbergDb(), 2).append(',');
    Decimals.append(line, f.score(), 3).append(',');
    line.append(f.speech() ? '1' : '0').append(',');
    line.append(f.concealed() ? '1' : '0').append(',');
    line.append(f.raised() ? '1' : '0').append('\n');
  }
}
