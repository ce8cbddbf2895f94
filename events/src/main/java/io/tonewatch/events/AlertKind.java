package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an alert episode is about. Leg-level kinds carry a leg; call-level kinds do not. */
public enum AlertKind {
  /**
   * One leg speaks well above its own baseline; its severity rises to {@link Severity#SHOUTING}.
   */
  RAISED_VOICE(true),
  /** Both legs raised at the same time. */
  MUTUAL_ESCALATION(false),
  /** Both legs speaking at once for longer than a threshold. */
  OVERTALK(false);

  private final boolean perLeg;

  AlertKind(boolean perLeg) {
    this.perLeg = perLeg;
  }

  /** True when events of this kind name a leg. */
  public boolean perLeg() {
    return perLeg;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static AlertKind fromWireName(String name) {
    for (AlertKind kind : values()) {
      if (kind.wireName().equalsIgnoreCase(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown alert kind '" + name + "'");
  }
}
