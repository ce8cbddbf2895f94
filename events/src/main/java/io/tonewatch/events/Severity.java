package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How strong an episode is, in rising order; consumers may compare by {@link #ordinal()}. */
public enum Severity {
  /** Worth a look: overtalk, or a voice just over its threshold. */
  ELEVATED,
  /** Clearly raised voice. */
  RAISED,
  /** Far above the speaker's baseline on pitch, effort and tilt together. */
  SHOUTING;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Severity fromWireName(String name) {
    for (Severity severity : values()) {
      if (severity.wireName().equalsIgnoreCase(name)) {
        return severity;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + name + "'");
  }
}
