package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an action ended: done at once, started on the call platform, or failed (with a reason). */
public enum ActionOutcome {
  DONE,
  STARTED,
  FAILED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ActionOutcome fromWireName(String name) {
    for (ActionOutcome outcome : values()) {
      if (outcome.wireName().equalsIgnoreCase(name)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("unknown action outcome '" + name + "'");
  }
}
