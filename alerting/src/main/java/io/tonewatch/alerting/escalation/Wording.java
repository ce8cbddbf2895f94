package io.tonewatch.alerting.escalation;

import io.tonewatch.events.Evidence;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.Leg;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What each step says, in words an agent or a supervisor understands. About the agent's own voice
 * it states acoustic facts only, never an emotion.
 */
public final class Wording {
  /** Tilt or Hammarberg change, in dB, from which the voice reads as more effortful. */
  private static final double EFFORT_DB = 2.0;

  /** Level change, in dB, from which the voice reads as louder. */
  private static final double LOUDER_DB = 3.0;

  private Wording() {}

  /** E.g. {@code customer: pitch +9 semitones, voice effort up, 14 s}. */
  public static String evidence(AlertTrack track, Instant now) {
    return evidence(track.leg(), track.evidence(), track.duration(now));
  }

  /** The same words from the parts: {@code leg} null for both sides. */
  public static String evidence(Leg leg, Evidence e, Duration lasted) {
    String who = leg == null ? "both sides" : leg.wireName().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(who).append(':');
    if (Math.round(e.f0DeltaSemitones()) != 0) {
      out.append(
          String.format(Locale.ROOT, " pitch %+d semitones,", Math.round(e.f0DeltaSemitones())));
    }
    if (e.tiltDeltaDb() >= EFFORT_DB || e.hammarbergDropDb() >= EFFORT_DB) {
      out.append(" voice effort up,");
    }
    if (e.levelDeltaDb() >= LOUDER_DB) {
      out.append(String.format(Locale.ROOT, " louder by %d dB,", Math.round(e.levelDeltaDb())));
    }
    if (e.overlapSeconds() > 0) {
      out.append(
          String.format(Locale.ROOT, " talking over each other %.0f s,", e.overlapSeconds()));
    }
    return out.append(' ').append(lasted.toSeconds()).append(" s").toString();
  }

  /** The message of one step for one episode. */
  static String message(LadderStep step, AlertTrack track, Instant now, boolean afterWhisper) {
    String facts = evidence(track, now);
    return switch (step) {
      case AGENT_CUE -> "The customer's voice is raised. Stay calm and do not answer in kind.";
      case SECOND_WARNING ->
          "The customer's voice is still raised: give the second warning. Your supervisor is told.";
      case WHISPER_SUGGESTED -> facts + ". Whisper to the agent?";
      case AGENT_VOICE_RAISED -> facts + " (an acoustic measure of the voice).";
      case BARGE_SUGGESTED ->
          afterWhisper
              ? facts + ", still raised after the whisper. Barge in?"
              : facts + ": both sides raised, the call is being lost. Barge in?";
    };
  }
}
