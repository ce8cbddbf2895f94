package io.tonewatch.evaluation.bench;

import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.processor.engine.CallAnalyzer;

/**
 * One two-leg call of the benchmark's playlist. A mono recording plays on both legs, so that every
 * call costs two legs' work.
 */
public record BenchCall(String name, short[] customer, short[] agent) {

  public static BenchCall of(CallAudio audio) {
    short[] customer = audio.samplesByLeg().get(Leg.CUSTOMER);
    short[] agent = audio.samplesByLeg().get(Leg.AGENT);
    if (customer == null) {
      customer = agent;
    }
    if (agent == null) {
      agent = customer;
    }
    return new BenchCall(audio.name(), customer, agent);
  }

  /** Frames per leg, the last one padded. */
  public int frameCount() {
    return (customer.length + CallAnalyzer.FRAME_SAMPLES - 1) / CallAnalyzer.FRAME_SAMPLES;
  }

  public double durationS() {
    return customer.length / (double) CallAnalyzer.SAMPLE_RATE_HZ;
  }
}
