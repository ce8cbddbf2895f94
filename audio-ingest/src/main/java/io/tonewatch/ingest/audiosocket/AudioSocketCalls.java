package io.tonewatch.ingest.audiosocket;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.call.CallAdmission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pairs AudioSocket connections into calls: the first socket for a UUID gets the configured first
 * leg, the second the other one, a third is refused. A call ends when every leg that connected has
 * ended. Thread-safe: connection threads call in; all state is guarded by {@code this}.
 */
final class AudioSocketCalls {

  /** Why a socket was not given a leg. */
  enum Refusal {
    UNAUTHORIZED,
    NO_LEG
  }

  /** A leg handed to a connection, or the reason there is none. */
  record Join(Leg leg, Refusal refusal) {}

  private static final Set<Leg> BOTH_LEGS = EnumSet.allOf(Leg.class);

  private final CallAdmission admission;
  private final boolean announcedOnly;
  private final Leg firstLeg;
  private final Map<String, LiveCall> calls = new HashMap<>();

  AudioSocketCalls(CallAdmission admission, boolean announcedOnly, Leg firstLeg) {
    this.admission = Objects.requireNonNull(admission, "admission");
    this.announcedOnly = announcedOnly;
    this.firstLeg = Objects.requireNonNull(firstLeg, "firstLeg");
  }

  /** Gives the socket for {@code callId} its leg, admitting the call on the first socket. */
  synchronized Join join(String callId) {
    LiveCall call = calls.get(callId);
    if (call == null) {
      boolean announced = admission.isOpen(callId);
      if (!announced && announcedOnly) {
        return new Join(null, Refusal.UNAUTHORIZED);
      }
      if (!announced
          && !admission.open(callId, BOTH_LEGS, Map.of("transport", "audiosocket"))
          && !admission.isOpen(callId)) { // not announced meanwhile: the leg limit refused it
        return new Join(null, Refusal.NO_LEG);
      }
      call = new LiveCall();
      calls.put(callId, call);
    }
    if (call.connected >= 2) {
      return new Join(null, Refusal.NO_LEG);
    }
    Leg leg = call.connected == 0 ? firstLeg : other(firstLeg);
    call.connected++;
    call.active++;
    return new Join(leg, null);
  }

  /** A leg's socket ended; the call ends with {@code reason} when it was the last one live. */
  synchronized void leave(String callId, EndReason reason) {
    LiveCall call = calls.get(callId);
    if (call == null) {
      return;
    }
    call.active--;
    if (call.active == 0) {
      calls.remove(callId);
      admission.close(callId, reason);
    }
  }

  private static Leg other(Leg leg) {
    return leg == Leg.CUSTOMER ? Leg.AGENT : Leg.CUSTOMER;
  }

  private static final class LiveCall {
    int connected;
    int active;
  }
}
