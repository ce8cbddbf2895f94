package io.tonewatch.processor.engine.detect;

import io.tonewatch.events.Evidence;
import io.tonewatch.events.Severity;

/**
 * Call-level overtalk: both legs speaking in the same 20 ms frames for much of a short window. Fed
 * one call frame at a time, in media order, with each leg's voice activity. Not thread-safe.
 */
public final class OvertalkDetector {
  /** 1.5 s of call frames. */
  static final int WINDOW_FRAMES = 75;

  /** 0.8 s of both legs speaking inside the window opens an episode. */
  static final int OPEN_FRAMES = 40;

  /** At most 0.1 s of overlap inside the window closes it. */
  static final int CLOSE_FRAMES = 5;

  private final EpisodeEmitter episodes;
  private final boolean[] overlap = new boolean[WINDOW_FRAMES];
  private int next;
  private int count;

  public OvertalkDetector(EpisodeEmitter episodes) {
    this.episodes = episodes;
  }

  public void accept(boolean customerSpeech, boolean agentSpeech, long mediaTimeMs) {
    boolean both = customerSpeech && agentSpeech;
    if (overlap[next]) {
      count--;
    }
    overlap[next] = both;
    if (both) {
      count++;
    }
    next = (next + 1) % WINDOW_FRAMES;
    if (!episodes.isOpen() && count >= OPEN_FRAMES) {
      episodes.open(Severity.ELEVATED, evidence(), mediaTimeMs);
    } else if (episodes.isOpen() && count <= CLOSE_FRAMES) {
      episodes.close(evidence(), mediaTimeMs);
    }
  }

  public void finish(long mediaTimeMs) {
    episodes.close(evidence(), mediaTimeMs);
  }

  private Evidence evidence() {
    return new Evidence(0, 0, 0, 0, 0, 0, count * 0.02);
  }
}
