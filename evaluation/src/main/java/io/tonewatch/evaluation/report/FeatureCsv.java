package io.tonewatch.evaluation.report;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.FeatureFrame;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes every analysis frame's features as CSV, one row per frame and leg, legs interleaved in
 * time order, so the features can be studied like openSMILE's low-level descriptors.
 */
public final class FeatureCsv {

  public static final String HEADER =
      "leg,time_s,f0_hz,level_dbfs,tilt_db,hammarberg_db,score,speech,concealed,raised";

  private FeatureCsv() {}

  public static void write(CallAnalysis analysis, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    int rows = 0;
    for (Leg leg : Leg.values()) {
      rows = Math.max(rows, analysis.features(leg).size());
    }
    StringBuilder line = new StringBuilder(96);
    for (int i = 0; i < rows; i++) {
      for (Leg leg : Leg.values()) {
        List<FeatureFrame> frames = analysis.features(leg);
        if (i < frames.size()) {
          line.setLength(0);
          row(leg, frames.get(i), line);
          out.append(line);
        }
      }
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
