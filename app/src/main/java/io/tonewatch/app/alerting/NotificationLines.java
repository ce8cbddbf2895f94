package io.tonewatch.app.alerting;

import io.tonewatch.alerting.NotificationListener;
import io.tonewatch.events.Notification;
import java.io.PrintWriter;

/**
 * Prints each notification as one line, for a terminal watching {@code alerting} or {@code run}.
 */
public final class NotificationLines {
  private NotificationLines() {}

  /**
   * A listener writing {@code notify <recipient> <step> call <id>: <message>} lines under out's
   * lock.
   */
  public static NotificationListener to(PrintWriter out) {
    return notification -> {
      synchronized (out) {
        out.println(line(notification));
        out.flush();
      }
    };
  }

  /** One readable line: recipient, step, call and the message. */
  public static String line(Notification n) {
    String again = n.attempt() > 1 ? " (again, " + n.attempt() + ")" : "";
    return "notify "
        + n.recipient().wireName()
        + " "
        + n.step().wireName()
        + again
        + " call "
        + n.callId()
        + ": "
        + n.message();
  }
}
