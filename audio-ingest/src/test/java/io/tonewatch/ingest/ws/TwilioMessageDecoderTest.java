package io.tonewatch.ingest.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.ingest.metrics.IngestMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioMessageDecoderTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TwilioMessageDecoder decoder =
      new TwilioMessageDecoder(new IngestMetrics(registry), 4096, 1600);

  @Test
  void decodesTheMessagesOfAStreamAsTwilioSendsThem() {
    assertEquals(
        new TwilioMessage.Connected("Call", "1.0.0"), decoder.decode(TwilioJson.connected()));

    TwilioMessage.Start start =
        (TwilioMessage.Start)
            decoder.decode(TwilioJson.start("CA123", "{\"agent\":\"a-7\"}", "inbound", "outbound"));
    assertEquals("CA123", start.callId());
    assertEquals(List.of("inbound", "outbound"), start.tracks());
    assertEquals(Map.of("agent", "a-7"), start.customParameters());
    assertEquals("MZ11111111111111111111111111111111", start.streamSid());
    assertTrue(start.isMulaw8kMono());

    TwilioMessage.Media media =
        (TwilioMessage.Media)
            decoder.decode(TwilioJson.media("outbound", 4, 60, new byte[] {1, 2}));
    assertEquals("outbound", media.track());
    assertEquals(4, media.chunk());
    assertEquals(60, media.timestampMs());
    assertArrayEquals(new byte[] {1, 2}, media.payload());

    assertInstanceOf(TwilioMessage.Stop.class, decoder.decode(TwilioJson.stop("CA123")));
    assertEquals(0, count("malformed"));
  }

  @Test
  void takesTheCallIdFromTheCustomParametersWhenPresent() {
    TwilioMessage.Start start =
        (TwilioMessage.Start)
            decoder.decode(TwilioJson.start("CA123", "{\"callId\":\"call-42\"}", "inbound"));

    assertEquals("call-42", start.callId());
  }

  @Test
  void acceptsNumbersAsJsonNumbersAndNormalisesTrackNames() {
    TwilioMessage.Media media =
        (TwilioMessage.Media)
            decoder.decode(
                "{\"event\":\"media\",\"media\":{\"track\":\"INBOUND_track\",\"chunk\":2,"
                    + "\"timestamp\":20,\"payload\":\"AAE=\"}}");
    assertEquals("inbound", media.track());
    assertEquals(2, media.chunk());

    TwilioMessage.Dtmf dtmf =
        (TwilioMessage.Dtmf)
            decoder.decode(
                "{\"event\":\"dtmf\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"5\"}}");
    assertEquals(new TwilioMessage.Dtmf("inbound", "5"), dtmf);
  }

  @Test
  void countsMalformedMessagesAndReturnsNothing() {
    String[] bad = {
      "",
      "not json",
      "[1,2]",
      "{\"event\":7}",
      "{\"no\":\"event\"}",
      "{\"event\":\"media\"}",
      "{\"event\":\"media\",\"media\":{\"chunk\":\"x\",\"timestamp\":\"0\",\"payload\":\"AA==\"}}",
      "{\"event\":\"media\",\"media\":{\"chunk\":\"1\",\"timestamp\":\"-5\",\"payload\":\"AA==\"}}",
      "{\"event\":\"media\",\"media\":{\"chunk\":\"0\",\"timestamp\":\"0\",\"payload\":\"AA==\"}}",
      "{\"event\":\"media\",\"media\":{\"chunk\":\"1\",\"timestamp\":\"0\",\"payload\":\"!!\"}}",
      "{\"event\":\"media\",\"media\":{\"chunk\":\"1\",\"timestamp\":\"0\",\"payload\":\"\"}}",
      "{\"event\":\"start\",\"start\":{\"tracks\":\"inbound\",\"callSid\":\"CA1\"}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"\"}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\",\"customParameters\":[1]}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\",\"mediaFormat\":{\"encoding\":1}}}",
      "{\"event\":\"dtmf\"}",
      "{\"event\":\"stop\"" + "]".repeat(3),
      "[".repeat(100) + "]".repeat(100),
      "{\"event\":\"stop\"} {\"event\":\"stop\"}",
    };
    for (String text : bad) {
      assertNull(decoder.decode(text), text);
    }
    assertNull(decoder.decode(null));
    assertEquals(bad.length + 1, count("malformed"));
  }

  @Test
  void countsOversizedMessagesAndPayloads() {
    assertNull(decoder.decode("{\"event\":\"mark\",\"pad\":\"" + "x".repeat(5000) + "\"}"));
    assertNull(decoder.decode(TwilioJson.media("inbound", 1, 0, new byte[1601])));
    assertEquals(2, count("oversized"));
  }

  @Test
  void countsUnknownEventsAsUnknownPayload() {
    assertNull(decoder.decode("{\"event\":\"clear\",\"streamSid\":\"MZ1\"}"));
    assertEquals(1, count("unknown_payload"));
  }

  @Test
  void boundsTheCustomParameters() {
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 40; i++) {
      many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    many.append(",\"long\":\"").append("y".repeat(300)).append("\",\"nested\":{\"a\":1}}");
    TwilioMessage.Start start =
        (TwilioMessage.Start) decoder.decode(TwilioJson.start("CA9", many.toString(), "inbound"));

    assertEquals(TwilioMessageDecoder.MAX_PARAMETERS, start.customParameters().size());
    assertTrue(start.customParameters().values().stream().allMatch("v"::equals));
  }

  private long count(String outcome) {
    return (long)
        registry
            .get("tonewatch.ingest.packets")
            .tag("source", "websocket")
            .tag("outcome", outcome)
            .counter()
            .count();
  }
}
