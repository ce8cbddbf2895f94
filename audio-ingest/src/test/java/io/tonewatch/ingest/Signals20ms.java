package io.tonewatch.ingest;

import io.tonewatch.events.audio.AudioFrame;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Test signals and the comparison of received frames with them. */
final class Signals20ms {
  private Signals20ms() {}

  /** {@code frames * 160} samples of two tones at 8 kHz, each of amplitude {@code amplitude}. */
  static short[] twoTones(double f1Hz, double f2Hz, int amplitude, int frames) {
    short[] pcm = new short[frames * AudioFrame.SAMPLES];
    for (int i = 0; i < pcm.length; i++) {
      double t = i / (double) AudioFrame.SAMPLE_RATE_HZ;
      pcm[i] =
          (short)
              Math.round(
                  amplitude
                      * (Math.sin(2 * Math.PI * f1Hz * t) + Math.sin(2 * Math.PI * f2Hz * t)));
    }
    return pcm;
  }

  /** Signal-to-noise ratio of {@code frames} (in order) against {@code source}, in dB. */
  static double snrDb(short[] source, List<AudioFrame> frames) {
    double signal = 0;
    double noise = 0;
    int i = 0;
    for (AudioFrame frame : frames) {
      for (short s : frame.samples()) {
        double d = s - source[i];
        signal += (double) source[i] * source[i];
        noise += d * d;
        i++;
      }
    }
    return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
  }

  /** Parks until {@code startNanos + index * 20 ms}: the sender's real-time pacing. */
  static void paceTo(long startNanos, int index) {
    long due = startNanos + index * TimeUnit.MILLISECONDS.toNanos(20);
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
