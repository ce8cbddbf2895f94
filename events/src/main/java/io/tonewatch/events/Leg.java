package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** One side of a call. The wire name is lowercase: {@code customer} or {@code agent}. */
public enum Leg {
  CUSTOMER,
  AGENT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, case-insensitively; throws with the offending value otherwise. */
  @JsonCreator
  public static Leg fromWireName(String name) {
    for (Leg leg : values()) {
      if (leg.wireName().equalsIgnoreCase(name)) {
        return leg;
      }
    }
    throw new IllegalArgumentException("unknown leg '" + name + "' (expected customer or agent)");
  }
}
