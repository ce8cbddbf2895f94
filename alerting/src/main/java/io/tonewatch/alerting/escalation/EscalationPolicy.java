package io.tonewatch.alerting.escalation;

import java.time.Duration;
import java.util.Objects;

/**
 * When the ladder moves a step, frozen at start-up. Built and checked, key by key, by the
 * configuration loader; each field is documented where its key is ({@code AlertingKey}).
 *
 * @param stillRaised a customer episode open this long reaches the second warning
 * @param shoutingEscalates a customer episode at shouting reaches it at once
 * @param repeatWindow customer episodes opened within this window count together
 * @param repeatCount the episode that makes this many reaches the second warning
 * @param cueCooldown no second agent cue within this time of the last
 * @param agentVoiceToSupervisor whether the agent's raised voice is reported at all
 * @param calmAfterWhisper an episode still open this long after a whisper suggests barge
 * @param renotifyAfter a supervisor step nobody acknowledged is sent again after this
 * @param renotifyMax re-notifications of one step at most
 * @param resolveAfterCalm a closed episode is resolved this long after it closed
 * @param callIdle a call without any record this long has ended
 */
public record EscalationPolicy(
    Duration stillRaised,
    boolean shoutingEscalates,
    Duration repeatWindow,
    int repeatCount,
    Duration cueCooldown,
    boolean agentVoiceToSupervisor,
    Duration calmAfterWhisper,
    Duration renotifyAfter,
    int renotifyMax,
    Duration resolveAfterCalm,
    Duration callIdle) {

  public EscalationPolicy {
    positive("stillRaised", stillRaised);
    positive("repeatWindow", repeatWindow);
    Objects.requireNonNull(cueCooldown, "cueCooldown");
    positive("calmAfterWhisper", calmAfterWhisper);
    positive("renotifyAfter", renotifyAfter);
    Objects.requireNonNull(resolveAfterCalm, "resolveAfterCalm");
    positive("callIdle", callIdle);
    if (repeatCount < 2 || renotifyMax < 0) {
      throw new IllegalArgumentException(
          "repeatCount must be >= 2 and renotifyMax >= 0, were "
              + repeatCount
              + ", "
              + renotifyMax);
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
