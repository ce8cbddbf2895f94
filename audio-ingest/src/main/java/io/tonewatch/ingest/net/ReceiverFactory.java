package io.tonewatch.ingest.net;

import io.tonewatch.events.Leg;
import java.util.List;

/** Makes the receiver of one RTP stream; called on the UDP loop thread. */
@FunctionalInterface
public interface ReceiverFactory {

  /**
   * A receiver for {@code callId} whose stream carries {@code channels}: one leg for a mono stream,
   * or the legs of channel 0 and channel 1 of a stereo stream.
   */
  MediaReceiver create(String callId, List<Leg> channels);
}
