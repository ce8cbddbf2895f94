package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who a notification is for: the agent on the call, or the team's supervisor. */
public enum Recipient {
  AGENT,
  SUPERVISOR;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Recipient fromWireName(String name) {
    for (Recipient recipient : values()) {
      if (recipient.wireName().equalsIgnoreCase(name)) {
        return recipient;
      }
    }
    throw new IllegalArgumentException("unknown recipient '" + name + "'");
  }
}
