package io.tonewatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper behind the event codecs: ISO-8601 times, unknown fields ignored so that v1
 * consumers survive additive changes. Thread-safe once built.
 */
final class EventJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private EventJson() {}

  /** One line of JSON; {@code what} names the value in the error. */
  static String write(Object value, String what) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + what, e);
    }
  }

  /** Parses one value; the error says it is not a {@code what}. */
  static <T> T read(String json, Class<T> type, String what) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a " + what + ": " + e.getOriginalMessage(), e);
    }
  }

  static void requireSchema(String expected, String schema) {
    if (!expected.equals(schema)) {
      throw new IllegalArgumentException(
          "unsupported schema '" + schema + "', expected " + expected);
    }
  }

  static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
