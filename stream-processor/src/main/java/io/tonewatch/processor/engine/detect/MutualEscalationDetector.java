package io.tonewatch.processor.engine.detect;

import io.tonewatch.events.Evidence;
import io.tonewatch.events.Severity;

/**
 * Call-level mutual escalation: both legs' raised-voice episodes open at the same time. A raised
 * leg stays raised through the other side's turn (silence alone does not close it), so two speakers
 * shouting in alternation count as mutual. Closes after both have not been raised together for
 * {@link #CLOSE_FRAMES}. Not thread-safe.
 */
public final class MutualEscalationDetector {
  /** 2 s of call frames. */
  static final int CLOSE_FRAMES = 100;

  private final EpisodeEmitter episodes;
  private int apartRun;

  public MutualEscalationDetector(EpisodeEmitter episodes) {
    this.episodes = episodes;
  }

  public void accept(boolean customerRaised, boolean agentRaised, long mediaTimeMs) {
    boolean both = customerRaised && agentRaised;
    if (!episodes.isOpen()) {
      if (both) {
        apartRun = 0;
        episodes.open(Severity.RAISED, Evidence.NONE, mediaTimeMs);
      }
      return;
    }
    apartRun = both ? 0 : apartRun + 1;
    if (apartRun >= CLOSE_FRAMES) {
      episodes.close(Evidence.NONE, mediaTimeMs);
    }
  }

  public void finish(long mediaTimeMs) {
    episodes.close(Evidence.NONE, mediaTimeMs);
  }
}
