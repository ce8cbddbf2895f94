package io.tonewatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The v1 wire form of leg summaries is fixed by a golden file: a change here breaks consumers. */
class LegSummaryJsonTest {

  static LegSummary summary() {
    return new LegSummary(
        LegSummary.SCHEMA,
        "call-7",
        Leg.AGENT,
        12_000,
        Instant.parse("2026-03-01T09:15:12.020Z"),
        50,
        -23.5,
        187.5,
        -12.25,
        0.75,
        0.62,
        0.04,
        false,
        "tonewatch-engine/0.1.0");
  }

  @Test
  void encodesToTheGoldenJson() {
    assertEquals(Golden.json("leg-summary-v1.json"), LegSummaryJson.toJson(summary()));
  }

  @Test
  void theGoldenJsonDecodesToTheSameSummary() {
    assertEquals(summary(), LegSummaryJson.fromJson(Golden.json("leg-summary-v1.json")));
  }

  @Test
  void unknownFieldsAreIgnored() {
    String extended =
        Golden.json("leg-summary-v1.json").replace("\"frames\"", "\"x\":1,\"frames\"");
    assertEquals(summary(), LegSummaryJson.fromJson(extended));
  }

  @Test
  void anotherSchemaIsRefusedNamingIt() {
    String v2 = Golden.json("leg-summary-v1.json").replace("features/v1", "features/v2");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LegSummaryJson.fromJson(v2));
    assertTrue(e.getMessage().contains("tonewatch.features/v2"), e.getMessage());
  }

  @Test
  void sharesOutsideZeroToOneAreRefusedNamingTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LegSummaryJson.fromJson(
                    Golden.json("leg-summary-v1.json")
                        .replace("\"speechShare\":0.62", "\"speechShare\":1.5")));
    assertTrue(e.getMessage().contains("speechShare"), e.getMessage());
  }

  @Test
  void aNegativePitchIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LegSummary(
                LegSummary.SCHEMA,
                "c",
                Leg.AGENT,
                0,
                Instant.EPOCH,
                1,
                -120,
                -1,
                0,
                0,
                0,
                0,
                false,
                "v"));
  }
}
