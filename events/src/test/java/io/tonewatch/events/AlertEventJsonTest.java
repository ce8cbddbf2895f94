package io.tonewatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
  void namedScoreInputsAreAnAdditiveFieldKeptInOrder() {
    Map<String, Double> inputs = new LinkedHashMap<>();
    inputs.put("pitch_st", 6.25);
    inputs.put("level_rise_over_3_db", 6.5);
    inputs.put("cold", 0.0);
    AlertEvent event =
        AlertEvent.of(
            "call-7:raised_voice:customer:2",
            "call-7",
            Leg.CUSTOMER,
            AlertKind.RAISED_VOICE,
            AlertState.OPENED,
            Severity.RAISED,
            23_460,
            Instant.parse("2026-03-01T09:15:23.460Z"),
            new Evidence(6.25, 9.5, 7.75, 4.5, 1.25, 2.5, 0, inputs),
            "tonewatch-engine/0.2.0+test");
    String json = AlertEventJson.toJson(event);
    assertTrue(
        json.contains(
            "\"overlapSeconds\":0.0,\"scoreInputs\":"
                + "{\"pitch_st\":6.25,\"level_rise_over_3_db\":6.5,\"cold\":0.0}}"),
        json);
    assertEquals(event, AlertEventJson.fromJson(json));
    String v1Consumer = json.replaceFirst(",\"scoreInputs\":\\{[^}]*}", "");
    assertEquals(Map.of(), AlertEventJson.fromJson(v1Consumer).evidence().scoreInputs());
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
