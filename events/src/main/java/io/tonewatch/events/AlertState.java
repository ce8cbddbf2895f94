package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Lifecycle of one episode: {@code opened}, then any number of {@code updated}, then {@code
 * closed}.
 */
public enum AlertState {
  OPENED,
  UPDATED,
  CLOSED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static AlertState fromWireName(String name) {
    for (AlertState state : values()) {
      if (state.wireName().equalsIgnoreCase(name)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown alert state '" + name + "'");
  }
}
