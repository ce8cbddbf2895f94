package io.tonewatch.evaluation.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledSegmentTest {

  @TempDir Path dir;

  @Test
  void readsRowsByHeaderNameWithQuotedFields() throws IOException {
    Path csv = dir.resolve("call.csv");
    Files.write(
        csv,
        List.of(
            "start_s,end_s,leg,label,source",
            "0.300,2.300,agent,calm,08b10Nc.wav",
            "",
            "40.584,42.584,customer,raised,\"a, b.wav\""));
    assertEquals(
        List.of(
            new LabelledSegment(0.3, 2.3, "agent", "calm"),
            new LabelledSegment(40.584, 42.584, "customer", "raised")),
        LabelledSegment.readCsv(csv));
  }

  @Test
  void splitsCsvLikePythonsCsvModule() {
    assertEquals(List.of("a", "b,c", "d\"e", ""), CsvLine.split("a,\"b,c\",\"d\"\"e\","));
  }
}
