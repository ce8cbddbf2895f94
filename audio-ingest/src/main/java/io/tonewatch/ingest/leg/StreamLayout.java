package io.tonewatch.ingest.leg;

import io.tonewatch.events.Leg;
import java.util.List;
import java.util.Objects;

/**
 * Which leg each channel of an RTP stream belongs to: a mono stream carries one leg, a stereo
 * stream (e.g. L16/8000/2 from a recorder) carries channel 0 and channel 1 as two legs.
 *
 * @param channels the leg of channel 0, then of channel 1 if any; one or two distinct legs
 */
public record StreamLayout(List<Leg> channels) {

  public StreamLayout {
    channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
    if (channels.isEmpty() || channels.size() > 2) {
      throw new IllegalArgumentException(
          "a stream carries 1 or 2 channels, was " + channels.size());
    }
    if (channels.size() == 2 && channels.get(0) == channels.get(1)) {
      throw new IllegalArgumentException("both channels map to leg " + channels.get(0));
    }
  }

  /** A mono stream of one leg. */
  public static StreamLayout mono(Leg leg) {
    return new StreamLayout(List.of(leg));
  }

  /** A two-channel stream: channel 0 is {@code channel0}, channel 1 is {@code channel1}. */
  public static StreamLayout stereo(Leg channel0, Leg channel1) {
    return new StreamLayout(List.of(channel0, channel1));
  }

  public int channelCount() {
    return channels.size();
  }

  public Leg leg(int channel) {
    return channels.get(channel);
  }
}
