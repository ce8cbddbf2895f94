package io.tonewatch.alerting.repeat;

import static io.tonewatch.alerting.config.IntegrationKey.*;

import io.tonewatch.alerting.config.IntegrationSettings;
import io.tonewatch.events.callers.CallerNumbers;
import io.tonewatch.settings.SettingsException;
import java.time.Clock;
import java.time.Duration;

/**
 * The repeat-caller parts as {@code alerting.callers.*} configures them; a bad setting throws
 * {@link SettingsException} naming the key and value (never the secret's value).
 */
public final class RepeatCallerSetup {
  private RepeatCallerSetup() {}

  /** Whether a key is configured; without one there are no repeat-caller hints. */
  public static boolean enabled(IntegrationSettings s) {
    return s.hasSecret(CALLERS_SECRET, CALLERS_SECRET_FILE);
  }

  public static CallerNumbers callerNumbers(IntegrationSettings s) {
    return CallerNumbers.withSecret(
        s.secret(CALLERS_SECRET, CALLERS_SECRET_FILE, "the repeat-caller index"));
  }

  public static RepeatCallers index(IntegrationSettings s, Clock clock) {
    int windowDays = s.whole(CALLERS_WINDOW_DAYS, 0, 3650);
    int retentionDays = s.whole(CALLERS_RETENTION_DAYS, 1, 3650);
    if (retentionDays < windowDays) {
      throw SettingsException.of(
          CALLERS_RETENTION_DAYS, retentionDays, "is shorter than alerting.callers.window-days");
    }
    return new RepeatCallers(
        Duration.ofDays(windowDays),
        Duration.ofDays(retentionDays),
        s.whole(CALLERS_MAX_ENTRIES, 1, 10_000_000),
        clock);
  }

  public static String topic(IntegrationSettings s) {
    return s.required(CALLERS_TOPIC, "for the repeat callers");
  }

  public static Duration retention(IntegrationSettings s) {
    return Duration.ofDays(s.whole(CALLERS_RETENTION_DAYS, 1, 3650));
  }
}
