package io.tonewatch.events;

import java.nio.charset.StandardCharsets;

/** JSON codec for {@link Action}: one compact object per action, ISO-8601 times. */
public final class ActionJson {
  private ActionJson() {}

  /** One line of JSON, without a trailing newline. */
  public static String toJson(Action action) {
    return EventJson.write(action, "action " + action.actionId());
  }

  public static byte[] toBytes(Action action) {
    return toJson(action).getBytes(StandardCharsets.UTF_8);
  }

  /** Parses one action; unknown fields are ignored so that v1 consumers survive additions. */
  public static Action fromJson(String json) {
    return EventJson.read(json, Action.class, "tonewatch action");
  }
}
