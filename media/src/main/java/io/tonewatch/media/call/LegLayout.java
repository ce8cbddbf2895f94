package io.tonewatch.media.call;

import io.tonewatch.events.Leg;
import java.util.ArrayList;
import java.util.List;

/**
 * Which leg each channel of a recording carries, channel 1 first.
 *
 * @param legsByChannel one distinct leg per channel, one or two of them
 */
public record LegLayout(List<Leg> legsByChannel) {

  public LegLayout {
    legsByChannel = List.copyOf(legsByChannel);
    if (legsByChannel.isEmpty() || legsByChannel.size() > 2) {
      throw new IllegalArgumentException("name one or two legs, got " + legsByChannel.size());
    }
    if (legsByChannel.size() == 2 && legsByChannel.get(0) == legsByChannel.get(1)) {
      throw new IllegalArgumentException("the two channels must carry different legs");
    }
  }

  /** Mono is the customer; stereo is customer on channel 1 and agent on channel 2. */
  public static LegLayout standard(int channelCount) {
    return switch (channelCount) {
      case 1 -> new LegLayout(List.of(Leg.CUSTOMER));
      case 2 -> new LegLayout(List.of(Leg.CUSTOMER, Leg.AGENT));
      default ->
          throw new IllegalArgumentException(
              "a call has one or two channels, this one has " + channelCount);
    };
  }

  /** Parses {@code customer}, {@code agent}, {@code customer,agent} or {@code agent,customer}. */
  public static LegLayout parse(String text) {
    List<Leg> legs = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      legs.add(Leg.fromWireName(part.strip()));
    }
    return new LegLayout(legs);
  }

  public int channelCount() {
    return legsByChannel.size();
  }

  public Leg legOfChannel(int channelIndex) {
    return legsByChannel.get(channelIndex);
  }

  /** The same legs on the other channels. */
  public LegLayout swapped() {
    return channelCount() == 1
        ? this
        : new LegLayout(List.of(legsByChannel.get(1), legsByChannel.get(0)));
  }

  /** For people: {@code customer = channel 1, agent = channel 2}. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < legsByChannel.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(legsByChannel.get(i).wireName()).append(" = channel ").append(i + 1);
    }
    return text.toString();
  }
}
