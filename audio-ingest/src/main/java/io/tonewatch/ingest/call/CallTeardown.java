package io.tonewatch.ingest.call;

import io.tonewatch.events.audio.EndReason;

/**
 * How a front-end ends one of its calls: stop and flush the call's media, then {@link
 * CallRegistry#close} it, so that the {@code CallEnded} follows the last frame. May run the work
 * later on the front-end's own thread.
 */
@FunctionalInterface
public interface CallTeardown {
  void end(String callId, EndReason reason);
}
