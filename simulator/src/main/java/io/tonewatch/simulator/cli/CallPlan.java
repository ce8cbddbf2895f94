package io.tonewatch.simulator.cli;

import io.tonewatch.media.call.CallAudio;
import io.tonewatch.simulator.CallScript;
import java.util.ArrayList;
import java.util.List;

/** Which recording each call plays, for how long, and when it starts. */
final class CallPlan {

  private final SimulateOptions options;

  CallPlan(SimulateOptions options) {
    this.options = options;
  }

  /** Call n plays recording (n-1) mod size and starts (n-1) staggers after the first. */
  List<CallScript> scripts(List<CallAudio> audios) {
    int samplesPerFrame = 8 * options.packetMillis();
    long staggerNanos = options.stagger.toNanos();
    List<CallScript> scripts = new ArrayList<>(options.calls);
    for (int n = 1; n <= options.calls; n++) {
      CallAudio audio = audios.get((n - 1) % audios.size());
      long totalSamples =
          options.duration != null
              ? Math.max(1, options.duration.toMillis() * 8)
              : (long) options.loop * Math.max(1, audio.sampleCount());
      scripts.add(
          new CallScript(
              n,
              options.callIdPrefix + n,
              audio,
              totalSamples,
              samplesPerFrame,
              (n - 1) * staggerNanos));
    }
    return scripts;
  }
}
