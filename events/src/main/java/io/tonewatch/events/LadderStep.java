package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A step of the escalation ladder, each with the one recipient it is for. The agent-leg step
 * reports an acoustic fact about the voice, never an emotion of the worker.
 */
public enum LadderStep {
  /** The customer's voice is raised: the polite warning, a cue to stay calm. */
  AGENT_CUE(Recipient.AGENT),
  /** Still raised, shouting or repeated: the second warning. */
  SECOND_WARNING(Recipient.AGENT),
  /** The same moment, for the supervisor, with whisper suggested. */
  WHISPER_SUGGESTED(Recipient.SUPERVISOR),
  /** The agent's own voice is raised (acoustic measure). */
  AGENT_VOICE_RAISED(Recipient.SUPERVISOR),
  /** Both sides raised, or no calming after a whisper: barge suggested. */
  BARGE_SUGGESTED(Recipient.SUPERVISOR);

  private final Recipient recipient;

  LadderStep(Recipient recipient) {
    this.recipient = recipient;
  }

  public Recipient recipient() {
    return recipient;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static LadderStep fromWireName(String name) {
    for (LadderStep step : values()) {
      if (step.wireName().equalsIgnoreCase(name)) {
        return step;
      }
    }
    throw new IllegalArgumentException("unknown ladder step '" + name + "'");
  }
}
