package io.tonewatch.events;

import java.nio.charset.StandardCharsets;

/** JSON codec for {@link Notification}: one compact object per notification, ISO-8601 times. */
public final class NotificationJson {
  private NotificationJson() {}

  /** One line of JSON, without a trailing newline. */
  public static String toJson(Notification notification) {
    return EventJson.write(notification, "notification " + notification.notificationId());
  }

  public static byte[] toBytes(Notification notification) {
    return toJson(notification).getBytes(StandardCharsets.UTF_8);
  }

  /** Parses one notification; unknown fields are ignored so that v1 consumers survive additions. */
  public static Notification fromJson(String json) {
    return EventJson.read(json, Notification.class, "tonewatch notification");
  }
}
