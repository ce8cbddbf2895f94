package io.tonewatch.ingest.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.CallIds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /v1/calls}, checked field by field: {@code callId} (required), {@code
 * legs} (default both), {@code metadata} (string values, small), {@code transport} ({@code rtp},
 * {@code audiosocket}, {@code websocket}) and {@code layout} ({@code mono}, {@code stereo}). Every
 * refusal is one sentence naming the field.
 */
record CallRequest(
    String callId,
    List<Leg> legs,
    Map<String, String> metadata,
    Transport transport,
    boolean stereo) {
  static final int MAX_METADATA_ENTRIES = 32;
  static final int MAX_METADATA_KEY_CHARS = 64;
  static final int MAX_METADATA_VALUE_CHARS = 256;
  private static final Set<String> FIELDS =
      Set.of("callId", "legs", "metadata", "transport", "layout");

  /** Where the call's media will come from. */
  enum Transport {
    RTP,
    AUDIOSOCKET,
    WEBSOCKET;

    String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static CallRequest parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiError.badRequest("The body must be a JSON object.");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiError.badRequest("Unknown field '" + name + "'.");
      }
    }
    String callId = callId(body.get("callId"));
    List<Leg> legs = legs(body.get("legs"));
    Map<String, String> metadata = metadata(body.get("metadata"));
    Transport transport =
        choice(body.get("transport"), "transport", Transport.class, Transport.RTP);
    boolean stereo = "stereo".equals(text(body.get("layout"), "layout", "mono", "mono", "stereo"));
    if (stereo && (legs.size() != 2 || transport != Transport.RTP)) {
      throw ApiError.badRequest("A stereo layout needs transport rtp and both legs.");
    }
    return new CallRequest(callId, legs, metadata, transport, stereo);
  }

  private static String callId(JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw ApiError.badRequest("Field 'callId' must be a string.");
    }
    try {
      return CallIds.require(node.asText());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Field 'callId' must be 1 to " + CallIds.MAX_BYTES + " bytes.");
    }
  }

  private static List<Leg> legs(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of(Leg.CUSTOMER, Leg.AGENT);
    }
    if (!node.isArray() || node.isEmpty() || node.size() > 2) {
      throw ApiError.badRequest("Field 'legs' must list customer, agent or both.");
    }
    List<Leg> legs = new ArrayList<>();
    for (JsonNode item : node) {
      Leg leg = choice(item, "legs", Leg.class, null);
      if (legs.contains(leg)) {
        throw ApiError.badRequest("Field 'legs' names " + item.asText() + " twice.");
      }
      legs.add(leg);
    }
    return List.copyOf(legs);
  }

  private static Map<String, String> metadata(JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject() || node.size() > MAX_METADATA_ENTRIES) {
      throw ApiError.badRequest(
          "Field 'metadata' must be an object of at most " + MAX_METADATA_ENTRIES + " strings.");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw ApiError.badRequest("Metadata '" + shorten(e.getKey()) + "' must be a string.");
      }
      if (e.getKey().isEmpty()
          || e.getKey().length() > MAX_METADATA_KEY_CHARS
          || value.asText().length() > MAX_METADATA_VALUE_CHARS) {
        throw ApiError.badRequest(
            "Metadata keys must be 1 to "
                + MAX_METADATA_KEY_CHARS
                + " characters and values at most "
                + MAX_METADATA_VALUE_CHARS
                + ".");
      }
      metadata.put(e.getKey(), value.asText());
    }
    return metadata;
  }

  private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type, E dflt) {
    if (node == null || node.isNull()) {
      if (dflt == null) {
        throw ApiError.badRequest("Field '" + field + "' must not be null.");
      }
      return dflt;
    }
    if (node.isTextual()) {
      for (E value : type.getEnumConstants()) {
        if (value.name().equalsIgnoreCase(node.asText())) {
          return value;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (E value : type.getEnumConstants()) {
      names.add(value.name().toLowerCase(Locale.ROOT));
    }
    throw ApiError.badRequest(
        "Field '" + field + "' must be one of " + String.join(", ", names) + ".");
  }

  private static String text(JsonNode node, String field, String dflt, String... allowed) {
    if (node == null || node.isNull()) {
      return dflt;
    }
    for (String a : allowed) {
      if (node.isTextual() && a.equalsIgnoreCase(node.asText())) {
        return a;
      }
    }
    throw ApiError.badRequest(
        "Field '" + field + "' must be one of " + String.join(", ", allowed) + ".");
  }

  private static String shorten(String s) {
    return s.length() <= 32 ? s : s.substring(0, 32) + "...";
  }
}
