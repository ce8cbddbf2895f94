package io.tonewatch.processor.engine.detect;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Evidence;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import io.tonewatch.processor.engine.AlertListener;
import io.tonewatch.processor.engine.WallClock;

/**
 * Turns one detector's open/close decisions for one kind (and leg) into the {@code opened} → {@code
 * updated}* → {@code closed} events of numbered episodes. Alert ids are derived from the call,
 * kind, leg and episode number, so the same input always gives the same ids.
 */
public final class EpisodeEmitter {
  private final String callId;
  private final AlertKind kind;
  private final Leg leg;
  private final String engineVersion;
  private final WallClock wallClock;
  private final AlertListener listener;
  private int episodes;
  private String openId;
  private Severity severity;

  public EpisodeEmitter(
      String callId,
      AlertKind kind,
      Leg leg,
      String engineVersion,
      WallClock wallClock,
      AlertListener listener) {
    this.callId = callId;
    this.kind = kind;
    this.leg = leg;
    this.engineVersion = engineVersion;
    this.wallClock = wallClock;
    this.listener = listener;
  }

  public boolean isOpen() {
    return openId != null;
  }

  public void open(Severity initial, Evidence evidence, long mediaTimeMs) {
    if (openId != null) {
      throw new IllegalStateException("episode " + openId + " is already open");
    }
    episodes++;
    openId =
        callId + ":" + kind.wireName() + (leg == null ? "" : ":" + leg.wireName()) + ":" + episodes;
    severity = initial;
    emit(AlertState.OPENED, evidence, mediaTimeMs);
  }

  /** True when {@code now} is above the open episode's severity, so escalating would emit. */
  public boolean escalates(Severity now) {
    return openId != null && now.compareTo(severity) > 0;
  }

  /** Emits an update when the severity rose; severity never falls within an episode. */
  public void escalate(Severity now, Evidence evidence, long mediaTimeMs) {
    if (openId != null && now.compareTo(severity) > 0) {
      severity = now;
      emit(AlertState.UPDATED, evidence, mediaTimeMs);
    }
  }

  public void close(Evidence evidence, long mediaTimeMs) {
    if (openId != null) {
      emit(AlertState.CLOSED, evidence, mediaTimeMs);
      openId = null;
      severity = null;
    }
  }

  private void emit(AlertState state, Evidence evidence, long mediaTimeMs) {
    listener.onAlert(
        AlertEvent.of(
            openId,
            callId,
            leg,
            kind,
            state,
            severity,
            mediaTimeMs,
            wallClock.at(mediaTimeMs),
            evidence,
            engineVersion));
  }
}
