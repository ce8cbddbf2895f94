package io.tonewatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The v1 wire form of call records is fixed by a golden file. */
class CallRecordJsonTest {

  private static CallRecord started() {
    return CallRecord.started(
        "call-7",
        Instant.parse("2026-03-01T09:15:00Z"),
        Map.of(
            "team", "north",
            "queue", "billing",
            "agentId", "a-12",
            "callerHash", "3f9c0a",
            "callerMasked", "******1234"));
  }

  @Test
  void encodesToTheGoldenJsonWithItsMetadataSorted() {
    assertEquals(Golden.json("call-record-v1.json"), CallRecordJson.toJson(started()));
  }

  @Test
  void theGoldenJsonDecodesToTheSameRecord() {
    assertEquals(started(), CallRecordJson.fromJson(Golden.json("call-record-v1.json")));
  }

  @Test
  void anEndCarriesItsReasonAndNoMetadataIsNeeded() {
    CallRecord ended = CallRecord.ended("call-7", Instant.parse("2026-03-01T09:20:00Z"), "hangup");
    String json = CallRecordJson.toJson(ended);
    assertEquals(ended, CallRecordJson.fromJson(json));
    assertEquals(CallState.ENDED, CallRecordJson.fromJson(json).state());
    assertFalse(
        CallRecordJson.fromJson(json.replace(",\"metadata\":{}", "")).metadata().containsKey("x"));
  }

  @Test
  void refusesAnotherSchemaAndABlankCall() {
    String golden = Golden.json("call-record-v1.json");
    assertThrows(
        IllegalArgumentException.class,
        () -> CallRecordJson.fromJson(golden.replace("tonewatch.call/v1", "tonewatch.call/v2")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CallRecordJson.fromJson(golden.replace("\"call-7\"", "\" \"")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CallRecordJson.fromJson(golden.replace("\"started\"", "\"paused\"")));
  }
}
