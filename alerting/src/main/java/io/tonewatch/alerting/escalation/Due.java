package io.tonewatch.alerting.escalation;

import io.tonewatch.events.Action;
import io.tonewatch.events.Notification;
import java.util.List;

/**
 * What the ladder found due at one moment: notifications to send and the service's own resolutions
 * to record. Each must be recorded on its topic and then fed back to the ladder ({@link
 * Ladder#onNotification}, {@link Ladder#onAction}) before the next evaluation.
 */
public record Due(List<Notification> notifications, List<Action> resolutions) {
  public Due {
    notifications = List.copyOf(notifications);
    resolutions = List.copyOf(resolutions);
  }

  public boolean isEmpty() {
    return notifications.isEmpty() && resolutions.isEmpty();
  }
}
