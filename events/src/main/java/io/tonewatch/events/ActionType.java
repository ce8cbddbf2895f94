package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a supervisor, an agent or the alerting service did about an alert or a call. */
public enum ActionType {
  /** Someone has seen the alert; re-notification stops. */
  ACKNOWLEDGE,
  /** A supervisor takes the alert on; acknowledges it too. */
  CLAIM,
  /** Coach the agent unheard by the caller. */
  WHISPER,
  /** Join the call, heard by both sides. */
  BARGE,
  /** Hand the call to a specialist. */
  TRANSFER,
  /** The alert is over; it leaves the open alerts. */
  RESOLVE,
  /** The alert should not have been raised; resolves it too. */
  FALSE_ALARM;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the types that stop re-notification of the alert they name. */
  public boolean acknowledges() {
    return this != WHISPER && this != BARGE && this != TRANSFER;
  }

  /** True for the types that take the alert out of the open alerts. */
  public boolean resolves() {
    return this == RESOLVE || this == FALSE_ALARM;
  }

  @JsonCreator
  public static ActionType fromWireName(String name) {
    for (ActionType type : values()) {
      if (type.wireName().equalsIgnoreCase(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown action type '" + name + "'");
  }
}
