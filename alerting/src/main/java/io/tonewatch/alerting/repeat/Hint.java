package io.tonewatch.alerting.repeat;

import java.time.Duration;
import java.time.Instant;

/**
 * What the routing-hint endpoint answers for a caller who escalated within the window.
 *
 * @param text e.g. {@code escalated 2 days ago (mutual escalation)}
 */
public record Hint(Instant escalatedAt, String summary, String text) {

  static Hint of(Escalation e, Instant now) {
    Duration ago = Duration.between(e.escalatedAt(), now);
    String when;
    if (ago.toDays() >= 2) {
      when = ago.toDays() + " days ago";
    } else if (ago.toDays() == 1) {
      when = "yesterday";
    } else if (ago.toHours() >= 1) {
      when = ago.toHours() + " h ago";
    } else {
      when = Math.max(0, ago.toMinutes()) + " min ago";
    }
    String text = "escalated " + when + (e.summary().isEmpty() ? "" : " (" + e.summary() + ")");
    return new Hint(e.escalatedAt(), e.summary(), text);
  }
}
