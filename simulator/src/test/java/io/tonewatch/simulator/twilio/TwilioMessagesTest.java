package io.tonewatch.simulator.twilio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tonewatch.events.Leg;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwilioMessages messages =
      new TwilioMessages(
          "MZ01", "AC02", "call-7", Map.of("callId", "call-7"), List.of(Leg.CUSTOMER, Leg.AGENT));

  @Test
  void connectedNamesTheProtocolWithoutASequenceNumber() throws Exception {
    JsonNode connected = JSON.readTree(messages.connected());
    assertEquals(
        JSON.readTree("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}"),
        connected);
  }

  @Test
  void startCarriesTheCallTracksAndMulawFormat() throws Exception {
    messages.connected();
    JsonNode start = JSON.readTree(messages.start());
    assertEquals(
        JSON.readTree(
            "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\"MZ01\","
                + "\"start\":{\"streamSid\":\"MZ01\",\"accountSid\":\"AC02\","
                + "\"callSid\":\"call-7\",\"tracks\":[\"inbound\",\"outbound\"],"
                + "\"customParameters\":{\"callId\":\"call-7\"},"
                + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,"
                + "\"channels\":1}}}"),
        start);
  }

  @Test
  void mediaCountsChunksPerTrackAndSequenceNumbersPerStream() throws Exception {
    messages.start();
    byte[] ulaw = new byte[160];
    ulaw[0] = 0x7F;
    ulaw[159] = (byte) 0xFF;
    List<JsonNode> media = new ArrayList<>();
    media.add(JSON.readTree(messages.media(Leg.CUSTOMER, 0, ulaw)));
    media.add(JSON.readTree(messages.media(Leg.AGENT, 0, ulaw)));
    media.add(JSON.readTree(messages.media(Leg.CUSTOMER, 20, ulaw)));
    JsonNode stop = JSON.readTree(messages.stop());

    assertEquals(
        List.of("media", "media", "media"),
        media.stream().map(m -> m.get("event").asText()).toList());
    assertEquals(
        List.of("2", "3", "4"), media.stream().map(m -> m.get("sequenceNumber").asText()).toList());
    assertEquals(
        List.of("inbound", "outbound", "inbound"),
        media.stream().map(m -> m.at("/media/track").asText()).toList());
    assertEquals(
        List.of("1", "1", "2"), media.stream().map(m -> m.at("/media/chunk").asText()).toList());
    assertEquals(
        List.of("0", "0", "20"),
        media.stream().map(m -> m.at("/media/timestamp").asText()).toList());
    assertEquals("MZ01", media.get(0).get("streamSid").asText());
    assertArrayEquals(ulaw, Base64.getDecoder().decode(media.get(2).at("/media/payload").asText()));
    assertEquals(
        JSON.readTree(
            "{\"event\":\"stop\",\"sequenceNumber\":\"5\",\"streamSid\":\"MZ01\","
                + "\"stop\":{\"accountSid\":\"AC02\",\"callSid\":\"call-7\"}}"),
        stop);
  }

  @Test
  void aMonoCallAnnouncesOnlyTheInboundTrack() throws Exception {
    TwilioMessages mono =
        new TwilioMessages("MZ1", "AC1", "c", Map.of("callId", "c"), List.of(Leg.CUSTOMER));
    assertEquals("[\"inbound\"]", JSON.readTree(mono.start()).at("/start/tracks").toString());
  }
}
