package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a call is in its life, as the calls topic records it. */
public enum CallState {
  STARTED,
  ENDED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static CallState fromWireName(String name) {
    for (CallState state : values()) {
      if (state.wireName().equalsIgnoreCase(name)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown call state '" + name + "'");
  }
}
