package io.tonewatch.simulator;

import io.tonewatch.events.Leg;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a simulation did. Only the simulation's loop thread writes (transports count from there);
 * read it after {@link Simulation#run} returns.
 */
public final class SimulationStats {

  private final Map<Leg, long[]> packetsByLeg = new EnumMap<>(Leg.class);
  private long callsStarted;
  private long callsCompleted;
  private long frames;
  private long lost;
  private long reordered;
  private long duplicated;
  private long sendErrors;
  private long lateSends;
  private long maxLatenessNanos;
  private long legActiveNanos;
  private long legFrames;
  private long closeFailures;
  private long firstSendNanos = Long.MAX_VALUE;
  private long lastSendNanos = Long.MIN_VALUE;

  /** A packet or message put on the wire, copies included. */
  public void packetSent(Leg leg) {
    packetsByLeg.computeIfAbsent(leg, l -> new long[1])[0]++;
  }

  /** What an impairer decided for a leg that has finished. */
  public void impaired(long lostPackets, long reorderedPackets, long duplicatedPackets) {
    lost += lostPackets;
    reordered += reorderedPackets;
    duplicated += duplicatedPackets;
  }

  public void sendError() {
    sendErrors++;
  }

  void callStarted() {
    callsStarted++;
  }

  void callCompleted(long activeNanos, int legs, long framesPerLeg) {
    callsCompleted++;
    legsActive(activeNanos, legs, framesPerLeg);
  }

  /** A call that sent {@code framesPerLeg} frames over {@code activeNanos}, to its end or not. */
  void legsActive(long activeNanos, int legs, long framesPerLeg) {
    legActiveNanos += activeNanos * legs;
    legFrames += framesPerLeg * legs;
  }

  void closeFailed() {
    closeFailures++;
  }

  /** One frame of every leg of a call, sent at {@code nowNanos} for {@code deadlineNanos}. */
  void frameSent(long nowNanos, long deadlineNanos, boolean late) {
    frames++;
    maxLatenessNanos = Math.max(maxLatenessNanos, nowNanos - deadlineNanos);
    if (late) {
      lateSends++;
    }
    firstSendNanos = Math.min(firstSendNanos, nowNanos);
    lastSendNanos = Math.max(lastSendNanos, nowNanos);
  }

  public long callsStarted() {
    return callsStarted;
  }

  public long callsCompleted() {
    return callsCompleted;
  }

  /** Frame deadlines met or missed, counted once per call and frame. */
  public long frames() {
    return frames;
  }

  public long packets() {
    long total = 0;
    for (long[] count : packetsByLeg.values()) {
      total += count[0];
    }
    return total;
  }

  public long packets(Leg leg) {
    long[] count = packetsByLeg.get(leg);
    return count == null ? 0 : count[0];
  }

  public long lost() {
    return lost;
  }

  public long reordered() {
    return reordered;
  }

  public long duplicated() {
    return duplicated;
  }

  public long sendErrors() {
    return sendErrors;
  }

  public long lateSends() {
    return lateSends;
  }

  public long maxLatenessNanos() {
    return maxLatenessNanos;
  }

  public long closeFailures() {
    return closeFailures;
  }

  /** Wall time from the first send to the last, 0 before two sends. */
  public long sendSpanNanos() {
    return lastSendNanos > firstSendNanos ? lastSendNanos - firstSendNanos : 0;
  }

  /**
   * Frames per second each leg achieved, over completed calls: their frames over the time from each
   * call's first send to one ptime after its last; 0 before a call completes.
   */
  public double framesPerSecondPerLeg() {
    return legActiveNanos == 0 ? 0 : legFrames * 1e9 / legActiveNanos;
  }
}
