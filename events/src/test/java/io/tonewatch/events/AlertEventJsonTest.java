package io.tonewatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The v1 wire form of alert events is fixed by golden files: a change here breaks consumers. */
class AlertEventJsonTest {

  static AlertEvent legEvent() {
    return AlertEvent.of(
        "call-7:raised_voice:customer:2",
        "call-7",
        Leg.CUSTOMER,
        AlertKind.RAISED_VOICE,
        AlertState.UPDATED,
        Severity.SHOUTING,
        23_460,
        Instant.parse("2026-03-01T09:15:23.460Z"),
        new Evidence(6.25, 9.5, 7.75, 4.5, 1.25, 2.5, 0),
        "tonewatch-engine/0.1.0");
  }

  static AlertEvent callEvent() {
    return AlertEvent.of(
        "call-7:overtalk:1",
        "call-7",
        null,
        AlertKind.OVERTALK,
        AlertState.CLOSED,
        Severity.ELEVATED,
        41_000,
        Instant.parse("2026-03-01T09:15:41Z"),
        new Evidence(0, 0, 0, 0, 0, 0, 3.5),
        "tonewatch-engine/0.1.0");
  }

  @Test
  void aLegEventEncodesToTheGoldenJson() {
    assertEquals(Golden.json("alert-event-v1.json"), AlertEventJson.toJson(legEvent()));
  }

  @Test
  void aCallLevelEventHasNoLegField() {
    String json = AlertEventJson.toJson(callEvent());
    assertEquals(Golden.json("alert-event-call-level-v1.json"), json);
    assertTrue(!json.contains("\"leg\""), json);
  }

  @Test
  void theGoldenJsonDecodesToTheSameEvents() {
    assertEquals(legEvent(), AlertEventJson.fromJson(Golden.json("alert-event-v1.json")));
    assertEquals(
        callEvent(), AlertEventJson.fromJson(Golden.json("alert-event-call-level-v1.json")));
  }

  @Test
  void unknownFieldsAreIgnoredSoAdditiveChangesKeepV1ConsumersWorking() {
    String extended =
        Golden.json("alert-event-v1.json").replace("{\"schema\"", "{\"future\":[1,2],\"schema\"");
    assertEquals(legEvent(), AlertEventJson.fromJson(extended));
  }

  @Test
  void anotherSchemaIsRefusedNamingIt() {
    String v2 =
        Golden.json("alert-event-v1.json").replace("tonewatch.alert/v1", "tonewatch.alert/v2");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AlertEventJson.fromJson(v2));
    assertTrue(e.getMessage().contains("tonewatch.alert/v2"), e.getMessage());
  }
}
