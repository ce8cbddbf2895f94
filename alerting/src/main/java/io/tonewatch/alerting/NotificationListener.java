package io.tonewatch.alerting;

import io.tonewatch.events.Notification;

/**
 * Hears each notification once it is recorded on its topic: the channels (console, webhook, agent
 * desktop) plug in here. Called on the service's loop thread; must not block for long.
 */
@FunctionalInterface
public interface NotificationListener {
  void onNotification(Notification notification);

  /** A listener that does nothing. */
  static NotificationListener none() {
    return n -> {};
  }
}
