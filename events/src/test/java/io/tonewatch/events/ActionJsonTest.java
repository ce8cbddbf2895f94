package io.tonewatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The v1 wire form of actions is fixed by a golden file: a change here breaks the audit trail. */
class ActionJsonTest {

  static Action action() {
    return new Action(
        Action.SCHEMA,
        "a-41",
        ActionType.FALSE_ALARM,
        "call-7",
        "call-7:raised_voice:customer:1",
        "sam",
        Instant.parse("2026-03-01T09:15:20.500Z"),
        ActionOutcome.DONE,
        "hold music");
  }

  @Test
  void encodesToTheGoldenJson() {
    assertEquals(Golden.json("action-v1.json"), ActionJson.toJson(action()));
  }

  @Test
  void theGoldenJsonDecodesToTheSameAction() {
    assertEquals(action(), ActionJson.fromJson(Golden.json("action-v1.json")));
  }

  @Test
  void aCallLevelActionLeavesOutTheAlertAndDetail() {
    Action whisper =
        new Action(
            Action.SCHEMA,
            "a-42",
            ActionType.WHISPER,
            "call-7",
            null,
            "sam",
            Instant.parse("2026-03-01T09:15:21Z"),
            ActionOutcome.STARTED,
            null);
    String json = ActionJson.toJson(whisper);
    assertEquals(false, json.contains("alertId") || json.contains("detail"), json);
    assertEquals(whisper, ActionJson.fromJson(json));
  }

  @Test
  void refusesAnotherSchemaAndAnUnknownType() {
    String golden = Golden.json("action-v1.json");
    assertThrows(
        IllegalArgumentException.class,
        () -> ActionJson.fromJson(golden.replace("tonewatch.action/v1", "tonewatch.action/v2")));
    assertThrows(
        IllegalArgumentException.class,
        () -> ActionJson.fromJson(golden.replace("false_alarm", "fire")));
  }

  @Test
  void whisperBargeAndTransferDoNotAcknowledge() {
    assertEquals(false, ActionType.WHISPER.acknowledges());
    assertEquals(true, ActionType.CLAIM.acknowledges());
    assertEquals(true, ActionType.FALSE_ALARM.resolves());
    assertEquals(false, ActionType.ACKNOWLEDGE.resolves());
  }
}
