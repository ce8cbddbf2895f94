package io.tonewatch.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tonewatch.events.Leg;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallRequestTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void defaultsToBothLegsOverMonoRtp() throws Exception {
    CallRequest r = parse("{\"callId\":\"c1\"}");
    assertEquals("c1", r.callId());
    assertEquals(List.of(Leg.CUSTOMER, Leg.AGENT), r.legs());
    assertEquals(CallRequest.Transport.RTP, r.transport());
    assertFalse(r.stereo());
    assertEquals(Map.of(), r.metadata());
  }

  @Test
  void readsEveryField() throws Exception {
    CallRequest r =
        parse(
            "{\"callId\":\"c2\",\"legs\":[\"agent\",\"customer\"],\"layout\":\"stereo\","
                + "\"metadata\":{\"agent\":\"a7\",\"priority\":3},\"transport\":\"rtp\"}");
    assertEquals(List.of(Leg.AGENT, Leg.CUSTOMER), r.legs(), "order kept: channel 0 first");
    assertTrue(r.stereo());
    assertEquals(Map.of("agent", "a7", "priority", "3"), r.metadata());
    assertEquals(
        CallRequest.Transport.WEBSOCKET,
        parse("{\"callId\":\"x\",\"transport\":\"websocket\"}").transport());
  }

  @Test
  void refusesEachBadFieldWithOneSentenceNamingIt() {
    assertRefused("{\"callId\":\"\"}", "'callId'");
    assertRefused("{\"callId\":7}", "'callId'");
    assertRefused("{\"callId\":\"" + "x".repeat(256) + "\"}", "'callId'");
    assertRefused("{\"callId\":\"c\",\"legs\":[]}", "'legs'");
    assertRefused("{\"callId\":\"c\",\"legs\":\"agent\"}", "'legs'");
    assertRefused("{\"callId\":\"c\",\"legs\":[\"agent\",\"customer\",\"agent\"]}", "'legs'");
    assertRefused("{\"callId\":\"c\",\"metadata\":[1]}", "'metadata'");
    assertRefused("{\"callId\":\"c\",\"metadata\":{\"k\":null}}", "Metadata 'k'");
    assertRefused(
        "{\"callId\":\"c\",\"metadata\":{\"k\":\"" + "v".repeat(257) + "\"}}", "Metadata");
    assertRefused("{\"callId\":\"c\",\"layout\":\"surround\"}", "'layout'");
    assertRefused("{\"callId\":\"c\",\"layout\":\"stereo\",\"transport\":\"websocket\"}", "stereo");
    assertRefused("\"c\"", "JSON object");
  }

  private CallRequest parse(String body) throws Exception {
    return CallRequest.parse(json.readTree(body));
  }

  private void assertRefused(String body, String expected) {
    ApiError e = assertThrows(ApiError.class, () -> parse(body));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().endsWith("."), e.getMessage());
  }
}
