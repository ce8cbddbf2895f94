package io.tonewatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** JSON codec for {@link AlertEvent}: one compact object per event, ISO-8601 wall-clock times. */
public final class AlertEventJson {

  private static final ObjectMapper MAPPER = EventJson.MAPPER;

  private AlertEventJson() {}

  /** One line of JSON, without a trailing newline. */
  public static String toJson(AlertEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode alert event " + event.alertId(), e);
    }
  }

  public static byte[] toBytes(AlertEvent event) {
    return toJson(event).getBytes(StandardCharsets.UTF_8);
  }

  /** Parses one event; unknown fields are ignored so that v1 consumers survive additive changes. */
  public static AlertEvent fromJson(String json) {
    try {
      return MAPPER.readValue(json, AlertEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a tonewatch alert event: " + e.getOriginalMessage(), e);
    }
  }
}
