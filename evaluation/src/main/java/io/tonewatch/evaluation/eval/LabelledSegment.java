package io.tonewatch.evaluation.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled stretch of a call, a row of {@code NAME.csv}: {@code
 * start_s,end_s,leg,label,source}.
 *
 * @param leg {@code customer} or {@code agent} as written; other values are ignored by the scorer
 * @param label {@code raised}; anything else (calm, music) counts as calm, as in score.py
 */
public record LabelledSegment(double startS, double endS, String leg, String label) {

  public boolean raised() {
    return "raised".equals(label);
  }

  /** Reads a label CSV by its header names, so column order does not matter. */
  public static List<LabelledSegment> readCsv(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = CsvLine.split(stripBom(lines.get(0)));
    int start = column(header, "start_s", csv);
    int end = column(header, "end_s", csv);
    int leg = column(header, "leg", csv);
    int label = column(header, "label", csv);
    List<LabelledSegment> segments = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue; // csv.DictReader skips blank lines too
      }
      List<String> row = CsvLine.split(lines.get(i));
      try {
        segments.add(
            new LabelledSegment(
                Double.parseDouble(field(row, start)),
                Double.parseDouble(field(row, end)),
                field(row, leg),
                field(row, label)));
      } catch (NumberFormatException e) {
        throw new IOException(
            csv.getFileName() + " line " + (i + 1) + " has a time that is not a number", e);
      }
    }
    return segments;
  }

  private static int column(List<String> header, String name, Path csv) throws IOException {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IOException(csv.getFileName() + " has no column " + name);
    }
    return index;
  }

  private static String field(List<String> row, int index) {
    return index < row.size() ? row.get(index) : "";
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
