package io.tonewatch.ingest.call;

import io.tonewatch.events.Leg;
import java.util.Map;
import java.util.Set;

/**
 * The one gate every front-end (RTP control API or static mode, WebSocket, AudioSocket) passes
 * calls through, so that the limit on concurrent legs holds across all of them and every call's
 * start and end are published exactly once. Thread-safe.
 */
public interface CallAdmission {

  /**
   * Admits a new call with {@code legs}, publishing its {@code CallStarted}; false (nothing
   * published) when the call id is already live or the legs would exceed the limit.
   */
  boolean open(String callId, Set<Leg> legs, Map<String, String> metadata);

  /** Ends a live call, publishing its {@code CallEnded}; does nothing for an unknown call. */
  void close(String callId, io.tonewatch.events.audio.EndReason reason);

  /**
   * True while {@code callId} is live (opened, e.g. announced through the control API, not closed).
   */
  boolean isOpen(String callId);

  /**
   * Media arrived for {@code callId} now: postpones the media timeout of a call announced through
   * the control API. Cheap and lock-free; does nothing for an unknown call.
   */
  default void touch(String callId) {}

  /**
   * A front-end refused {@code legs} at the leg limit before asking {@link #open} (e.g. a socket
   * beyond the cap): counted and logged like a refusal of {@link #open}.
   */
  default void refusedAtLimit(int legs) {}

  /** Legs currently admitted, across all calls. */
  int activeLegs();

  /** Calls currently admitted. */
  int activeCalls();
}
