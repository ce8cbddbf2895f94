package io.tonewatch.simulator;

import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import java.util.List;
import java.util.Objects;

/**
 * One simulated call: which audio it plays, for how long, and when it starts. The audio repeats
 * seamlessly when the call is longer than the recording; past {@code totalSamples} it is silence.
 *
 * @param number 1 for the first call
 * @param callId the id the target sees
 * @param audio 8 kHz samples per leg (shared between calls, never changed)
 * @param totalSamples how many samples per leg the call plays, at least 1
 * @param samplesPerFrame samples per packet, 8 per millisecond of ptime
 * @param startOffsetNanos when the call starts, after the simulation starts
 */
public record CallScript(
    int number,
    String callId,
    CallAudio audio,
    long totalSamples,
    int samplesPerFrame,
    long startOffsetNanos) {

  public CallScript {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(audio, "audio");
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1, was " + number);
    }
    if (totalSamples < 1) {
      throw new IllegalArgumentException("totalSamples must be at least 1, was " + totalSamples);
    }
    if (samplesPerFrame < 1) {
      throw new IllegalArgumentException(
          "samplesPerFrame must be at least 1, was " + samplesPerFrame);
    }
    if (startOffsetNanos < 0) {
      throw new IllegalArgumentException(
          "startOffsetNanos must not be negative, was " + startOffsetNanos);
    }
  }

  /** The legs the recording carries, customer first. */
  public List<Leg> legs() {
    return List.copyOf(audio.samplesByLeg().keySet());
  }

  /** Frames per leg, the last one padded with silence. */
  public long frameCount() {
    return (totalSamples + samplesPerFrame - 1) / samplesPerFrame;
  }

  /** The samples of frame {@code frameIndex} of {@code leg}. */
  public short[] frame(Leg leg, long frameIndex) {
    short[] source = audio.samplesByLeg().get(leg);
    if (source == null) {
      throw new IllegalArgumentException(callId + " has no " + leg.wireName() + " leg");
    }
    short[] frame = new short[samplesPerFrame];
    long start = frameIndex * samplesPerFrame;
    for (int i = 0; i < samplesPerFrame; i++) {
      long at = start + i;
      frame[i] = at < totalSamples ? source[(int) (at % source.length)] : 0;
    }
    return frame;
  }
}
