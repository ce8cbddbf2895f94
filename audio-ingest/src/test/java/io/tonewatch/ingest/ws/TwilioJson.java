package io.tonewatch.ingest.ws;

import java.util.Base64;

/** Twilio Media Streams messages as Twilio writes them (numbers as strings), for tests. */
final class TwilioJson {
  private TwilioJson() {}

  static String connected() {
    return "{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}";
  }

  static String start(String callSid, String customParameters, String... tracks) {
    StringBuilder list = new StringBuilder();
    for (String t : tracks) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(t).append('"');
    }
    return "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{"
        + "\"accountSid\":\"AC00000000000000000000000000000000\","
        + "\"streamSid\":\"MZ11111111111111111111111111111111\","
        + "\"callSid\":\""
        + callSid
        + "\",\"tracks\":["
        + list
        + "],\"customParameters\":"
        + customParameters
        + ",\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}},"
        + "\"streamSid\":\"MZ11111111111111111111111111111111\"}";
  }

  static String media(String track, long chunk, long timestampMs, byte[] mulaw) {
    return "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"track\":\""
        + track
        + "\",\"chunk\":\""
        + chunk
        + "\",\"timestamp\":\""
        + timestampMs
        + "\",\"payload\":\""
        + Base64.getEncoder().encodeToString(mulaw)
        + "\"},\"streamSid\":\"MZ11111111111111111111111111111111\"}";
  }

  static String stop(String callSid) {
    return "{\"event\":\"stop\",\"sequenceNumber\":\"9\",\"stop\":{"
        + "\"accountSid\":\"AC00000000000000000000000000000000\",\"callSid\":\""
        + callSid
        + "\"},\"streamSid\":\"MZ11111111111111111111111111111111\"}";
  }
}
