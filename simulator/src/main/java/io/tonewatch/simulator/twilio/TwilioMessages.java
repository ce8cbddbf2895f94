package io.tonewatch.simulator.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tonewatch.events.Leg;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON text messages of one Twilio Media Stream, in Twilio's order: {@code connected}, {@code
 * start}, {@code media} (track {@code inbound} is the customer, {@code outbound} the agent; base64
 * mu-law), {@code stop}. Every message after {@code connected} carries a {@code sequenceNumber}
 * counting from "1"; chunks count from "1" per track; numbers are strings as Twilio sends them. Not
 * thread-safe: one instance per stream, used by the simulation's loop thread.
 */
public final class TwilioMessages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String streamSid;
  private final String accountSid;
  private final String callSid;
  private final Map<String, String> customParameters;
  private final List<Leg> legs;
  private final Map<Leg, Long> chunks = new EnumMap<>(Leg.class);
  private long sequenceNumber;

  public TwilioMessages(
      String streamSid,
      String accountSid,
      String callSid,
      Map<String, String> customParameters,
      List<Leg> legs) {
    this.streamSid = Objects.requireNonNull(streamSid, "streamSid");
    this.accountSid = Objects.requireNonNull(accountSid, "accountSid");
    this.callSid = Objects.requireNonNull(callSid, "callSid");
    this.customParameters = Map.copyOf(customParameters);
    this.legs = List.copyOf(legs);
  }

  /** Twilio's track name for a leg: the caller's audio is inbound. */
  public static String track(Leg leg) {
    return leg == Leg.CUSTOMER ? "inbound" : "outbound";
  }

  public String connected() {
    ObjectNode message = JSON.createObjectNode();
    message.put("event", "connected").put("protocol", "Call").put("version", "1.0.0");
    return text(message);
  }

  public String start() {
    ObjectNode message = header("start");
    ObjectNode start = message.putObject("start");
    start.put("streamSid", streamSid).put("accountSid", accountSid).put("callSid", callSid);
    legs.forEach(leg -> start.withArray("tracks").add(track(leg)));
    ObjectNode params = start.putObject("customParameters");
    customParameters.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> params.put(e.getKey(), e.getValue()));
    start
        .putObject("mediaFormat")
        .put("encoding", "audio/x-mulaw")
        .put("sampleRate", 8000)
        .put("channels", 1);
    message.put("streamSid", streamSid);
    return text(message);
  }

  /** A media message of {@code leg}: mu-law bytes at {@code timestampMs} since the start. */
  public String media(Leg leg, long timestampMs, byte[] ulaw) {
    long chunk = chunks.merge(leg, 1L, Long::sum);
    ObjectNode message = header("media");
    message
        .putObject("media")
        .put("track", track(leg))
        .put("chunk", Long.toString(chunk))
        .put("timestamp", Long.toString(timestampMs))
        .put("payload", Base64.getEncoder().encodeToString(ulaw));
    message.put("streamSid", streamSid);
    return text(message);
  }

  public String stop() {
    ObjectNode message = header("stop");
    message.putObject("stop").put("accountSid", accountSid).put("callSid", callSid);
    message.put("streamSid", streamSid);
    return text(message);
  }

  private ObjectNode header(String event) {
    ObjectNode message = JSON.createObjectNode();
    message.put("event", event).put("sequenceNumber", Long.toString(++sequenceNumber));
    return message;
  }

  private static String text(ObjectNode message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Twilio message", e);
    }
  }
}
