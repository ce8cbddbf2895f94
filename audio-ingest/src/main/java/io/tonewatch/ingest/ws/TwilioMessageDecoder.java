package io.tonewatch.ingest.ws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tonewatch.events.audio.CallIds;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes Twilio Media Streams JSON text messages into {@link TwilioMessage}s. Pure: no state
 * between messages, thread-safe. What it cannot use it counts and drops, returning null: text over
 * {@code maxMessageChars} or a payload over {@code maxPayloadBytes} is {@code OVERSIZED}; bad JSON,
 * a missing or mistyped field, bad base64 or an unusable call id is {@code MALFORMED}; an event it
 * does not know is {@code UNKNOWN_PAYLOAD}. Custom parameters are bounded: at most {@link
 * #MAX_PARAMETERS} scalar entries, keys up to {@link #MAX_KEY_CHARS} and values up to {@link
 * #MAX_VALUE_CHARS} characters; others are left out. Never throws on input.
 */
public final class TwilioMessageDecoder {
  public static final int MAX_PARAMETERS = 16;
  public static final int MAX_KEY_CHARS = 64;
  public static final int MAX_VALUE_CHARS = 256;
  private static final int MAX_TRACKS = 4;
  private static final IngestMetrics.Source SOURCE = IngestMetrics.Source.WEBSOCKET;

  private final IngestMetrics metrics;
  private final int maxMessageChars;
  private final int maxPayloadBytes;
  private final ObjectMapper mapper;

  public TwilioMessageDecoder(IngestMetrics metrics, int maxMessageChars, int maxPayloadBytes) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    if (maxMessageChars < 256) {
      throw new IllegalArgumentException("maxMessageChars must be >= 256, was " + maxMessageChars);
    }
    if (maxPayloadBytes < 160) {
      throw new IllegalArgumentException("maxPayloadBytes must be >= 160, was " + maxPayloadBytes);
    }
    this.maxMessageChars = maxMessageChars;
    this.maxPayloadBytes = maxPayloadBytes;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxNumberLength(32)
                    .maxStringLength(maxMessageChars)
                    .build())
            .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The message in {@code text}, or null when it was counted and dropped. */
  public TwilioMessage decode(String text) {
    if (text == null) {
      return drop(PacketOutcome.MALFORMED);
    }
    if (text.length() > maxMessageChars) {
      return drop(PacketOutcome.OVERSIZED);
    }
    try {
      JsonNode root = mapper.readTree(text);
      if (root == null || !root.isObject()) {
        return drop(PacketOutcome.MALFORMED);
      }
      String event = text(root, "event");
      if (event == null) {
        return drop(PacketOutcome.MALFORMED);
      }
      switch (event) {
        case "connected":
          return new TwilioMessage.Connected(
              orEmpty(text(root, "protocol")), orEmpty(text(root, "version")));
        case "start":
          return start(root);
        case "media":
          return media(root.get("media"));
        case "stop":
          return new TwilioMessage.Stop();
        case "mark":
          JsonNode mark = root.get("mark");
          return new TwilioMessage.Mark(mark == null ? "" : orEmpty(text(mark, "name")));
        case "dtmf":
          JsonNode dtmf = root.get("dtmf");
          return dtmf == null
              ? drop(PacketOutcome.MALFORMED)
              : new TwilioMessage.Dtmf(
                  track(orEmpty(text(dtmf, "track"))), orEmpty(text(dtmf, "digit")));
        default:
          return drop(PacketOutcome.UNKNOWN_PAYLOAD);
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Jackson's parse errors and limits, and any record that refused its values.
      return drop(PacketOutcome.MALFORMED);
    }
  }

  private TwilioMessage start(JsonNode root) {
    JsonNode start = root.get("start");
    if (start == null || !start.isObject()) {
      return drop(PacketOutcome.MALFORMED);
    }
    String streamSid = text(start, "streamSid");
    if (streamSid == null) {
      streamSid = orEmpty(text(root, "streamSid"));
    }
    List<String> tracks = new ArrayList<>();
    JsonNode trackList = start.get("tracks");
    if (trackList == null) {
      tracks.add("inbound");
    } else if (!trackList.isArray() || trackList.size() > MAX_TRACKS || trackList.isEmpty()) {
      return drop(PacketOutcome.MALFORMED);
    } else {
      for (JsonNode t : trackList) {
        if (!t.isTextual()) {
          return drop(PacketOutcome.MALFORMED);
        }
        tracks.add(track(t.asText()));
      }
    }
    Map<String, String> parameters = parameters(start.get("customParameters"));
    if (parameters == null) {
      return drop(PacketOutcome.MALFORMED);
    }
    String encoding = "audio/x-mulaw";
    long sampleRateHz = 8000;
    long channels = 1;
    JsonNode format = start.get("mediaFormat");
    if (format != null) {
      encoding = text(format, "encoding");
      sampleRateHz = number(format, "sampleRate");
      channels = number(format, "channels");
      if (encoding == null || sampleRateHz < 0 || channels < 0) {
        return drop(PacketOutcome.MALFORMED);
      }
    }
    String callSid = orEmpty(text(start, "callSid"));
    String callId = parameters.getOrDefault(TwilioMessage.Start.CALL_ID_PARAMETER, callSid);
    if (!validCallId(callId)) {
      return drop(PacketOutcome.MALFORMED);
    }
    return new TwilioMessage.Start(
        streamSid,
        callSid,
        tracks,
        parameters,
        encoding,
        (int) Math.min(sampleRateHz, Integer.MAX_VALUE),
        (int) Math.min(channels, Integer.MAX_VALUE));
  }

  private TwilioMessage media(JsonNode media) {
    if (media == null || !media.isObject()) {
      return drop(PacketOutcome.MALFORMED);
    }
    String track = text(media, "track");
    long chunk = number(media, "chunk");
    long timestampMs = number(media, "timestamp");
    String payload = text(media, "payload");
    if (chunk < 1 || timestampMs < 0 || payload == null) {
      return drop(PacketOutcome.MALFORMED);
    }
    if (payload.length() > (maxPayloadBytes + 2) / 3 * 4) {
      return drop(PacketOutcome.OVERSIZED);
    }
    byte[] audio;
    try {
      audio = Base64.getDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      return drop(PacketOutcome.MALFORMED);
    }
    if (audio.length == 0) {
      return drop(PacketOutcome.MALFORMED);
    }
    if (audio.length > maxPayloadBytes) {
      return drop(PacketOutcome.OVERSIZED);
    }
    return new TwilioMessage.Media(
        track == null ? "inbound" : track(track), chunk, timestampMs, audio);
  }

  /** Scalar custom parameters within the bounds; null when the field is not an object. */
  private static Map<String, String> parameters(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext() && out.size() < MAX_PARAMETERS) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.isEmpty() || key.length() > MAX_KEY_CHARS || !value.isValueNode() || value.isNull()) {
        continue;
      }
      String text = value.asText();
      if (text.length() <= MAX_VALUE_CHARS) {
        out.put(key, text);
      }
    }
    return out;
  }

  private static boolean validCallId(String callId) {
    try {
      CallIds.require(callId);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code inbound_track} and {@code INBOUND} both become {@code inbound}. */
  private static String track(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith("_track") ? lower.substring(0, lower.length() - 6) : lower;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** A non-negative integer sent as a JSON number or a decimal string (Twilio sends strings). */
  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return -1;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Math.max(-1, value.asLong());
    }
    if (value.isTextual()) {
      String s = value.asText();
      if (s.isEmpty() || s.length() > 18) {
        return -1;
      }
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return -1;
        }
      }
      return Long.parseLong(s);
    }
    return -1;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private TwilioMessage drop(PacketOutcome outcome) {
    metrics.packet(SOURCE, outcome);
    return null;
  }
}
