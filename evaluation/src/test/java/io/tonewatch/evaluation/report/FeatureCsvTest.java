package io.tonewatch.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.FeatureFrame;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureCsvTest {

  @Test
  void writesAHeaderThenLegsInterleavedInTimeOrderWithFixedDecimals() throws IOException {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY); // decimal comma must not leak into the CSV
    try {
      StringWriter csv = new StringWriter();
      FeatureCsv.write(
          Calls.analysis(
              1,
              List.of(),
              Map.of(
                  Leg.CUSTOMER,
                  List.of(
                      new FeatureFrame(
                          0.01, 121.456, -23.456, 4.5, 18.256, true, false, 0.12345, false),
                      new FeatureFrame(0.03, 0, -61.0, -2.25, 0, false, false, 0, false)),
                  Leg.AGENT,
                  List.of(
                      new FeatureFrame(0.01, 210, -30.0, -0.004, -3.5, true, true, 1.5, true),
                      new FeatureFrame(
                          0.03, -1, Double.NEGATIVE_INFINITY, 0, 0, false, false, 0, false)))),
          csv);
      assertEquals(
          String.join(
              "\n",
              "leg,time_s,f0_hz,level_dbfs,tilt_db,hammarberg_db,score,speech,concealed,raised",
              "customer,0.010,121.5,-23.46,4.50,18.26,0.123,1,0,0",
              "agent,0.010,210.0,-30.00,0.00,-3.50,1.500,1,1,1",
              "customer,0.030,0.0,-61.00,-2.25,0.00,0.000,0,0,0",
              "agent,0.030,0.0,-inf,0.00,0.00,0.000,0,0,0",
              ""),
          csv.toString());
    } finally {
      Locale.setDefault(before);
    }
  }
}
