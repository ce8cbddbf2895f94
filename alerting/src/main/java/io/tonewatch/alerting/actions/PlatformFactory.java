package io.tonewatch.alerting.actions;

import static io.tonewatch.alerting.config.IntegrationKey.*;

import io.tonewatch.alerting.actions.ami.AmiPlatform;
import io.tonewatch.alerting.actions.ami.AmiSettings;
import io.tonewatch.alerting.actions.freeswitch.EslPlatform;
import io.tonewatch.alerting.actions.freeswitch.EslSettings;
import io.tonewatch.alerting.actions.twilio.TwilioPlatform;
import io.tonewatch.alerting.actions.twilio.TwilioSettings;
import io.tonewatch.alerting.actions.webhook.WebhookPlatform;
import io.tonewatch.alerting.actions.webhook.WebhookSender;
import io.tonewatch.alerting.actions.webhook.WebhookSettings;
import io.tonewatch.alerting.config.IntegrationSettings;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import io.tonewatch.settings.SettingsException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the configured call platform ({@code
 * alerting.platform=none|ami|freeswitch|twilio|webhook}) and the webhook sender ({@code
 * alerting.webhook.url}, which also carries incident reports and notifications), checking every
 * setting at start-up: a bad one throws {@link SettingsException} naming the key and value (never a
 * secret's value). The platform comes wrapped in {@link MeteredPlatform}.
 */
public final class PlatformFactory {
  private PlatformFactory() {}

  /** The webhook sender, when {@code alerting.webhook.url} is set. */
  public static Optional<WebhookSender> webhook(
      IntegrationSettings s, AdapterMetrics metrics, Clock clock) {
    if (s.text(WEBHOOK_URL).isEmpty()) {
      return Optional.empty();
    }
    WebhookSettings settings =
        new WebhookSettings(
            s.url(WEBHOOK_URL),
            s.secret(WEBHOOK_SECRET, WEBHOOK_SECRET_FILE, "a webhook")
                .getBytes(StandardCharsets.UTF_8),
            s.whole(WEBHOOK_MAX_ATTEMPTS, 1, 100),
            Duration.ofMillis(s.whole(WEBHOOK_BACKOFF_MS, 1, 3_600_000)),
            Duration.ofMillis(s.whole(WEBHOOK_BACKOFF_MAX_MS, 1, 86_400_000)),
            s.whole(WEBHOOK_QUEUE_CAPACITY, 1, 1_000_000),
            s.whole(WEBHOOK_DEAD_LETTERS, 1, 1_000_000),
            timeout(s));
    return Optional.of(new WebhookSender(settings, metrics, clock));
  }

  /**
   * The platform {@code alerting.platform} names; {@code webhook} is the sender of {@link #webhook}
   * (required when the platform is {@code webhook}).
   */
  public static CallPlatform platform(
      IntegrationSettings s, AdapterMetrics metrics, Optional<WebhookSender> webhook) {
    String choice = s.text(PLATFORM).toLowerCase(Locale.ROOT);
    CallPlatform platform =
        switch (choice) {
          case "none" -> new NoPlatform();
          case "ami" -> new AmiPlatform(ami(s), metrics);
          case "freeswitch" -> new EslPlatform(freeswitch(s), metrics);
          case "twilio" -> new TwilioPlatform(twilio(s), metrics);
          case "webhook" ->
              new WebhookPlatform(
                  webhook.orElseThrow(
                      () ->
                          new SettingsException(
                              "alerting.platform=webhook needs alerting.webhook.url")),
                  metrics,
                  timeout(s));
          default ->
              throw SettingsException.of(
                  PLATFORM,
                  s.text(PLATFORM),
                  "is not one of none, ami, freeswitch, twilio, webhook");
        };
    return new MeteredPlatform(platform, metrics);
  }

  private static AmiSettings ami(IntegrationSettings s) {
    return new AmiSettings(
        s.required(AMI_HOST, "for the AMI"),
        s.whole(AMI_PORT, 1, 65_535),
        s.required(AMI_USERNAME, "for the AMI"),
        s.secret(AMI_SECRET, AMI_SECRET_FILE, "alerting.platform=ami"),
        supervisors(s),
        s.required(AMI_TRANSFER_CONTEXT, "for a transfer"),
        timeout(s));
  }

  private static EslSettings freeswitch(IntegrationSettings s) {
    return new EslSettings(
        s.required(FREESWITCH_HOST, "for the event socket"),
        s.whole(FREESWITCH_PORT, 1, 65_535),
        s.secret(FREESWITCH_PASSWORD, FREESWITCH_PASSWORD_FILE, "alerting.platform=freeswitch"),
        supervisors(s),
        s.required(FREESWITCH_TRANSFER_DIALPLAN, "for a transfer"),
        s.required(FREESWITCH_TRANSFER_CONTEXT, "for a transfer"),
        timeout(s));
  }

  private static TwilioSettings twilio(IntegrationSettings s) {
    String sid = s.required(TWILIO_ACCOUNT_SID, "for Twilio");
    if (!sid.matches("AC[0-9a-fA-F]{32}")) {
      throw SettingsException.of(TWILIO_ACCOUNT_SID, sid, "is not an Account SID (AC + 32 hex)");
    }
    return new TwilioSettings(
        s.url(TWILIO_BASE_URL),
        sid,
        s.secret(TWILIO_AUTH_TOKEN, TWILIO_AUTH_TOKEN_FILE, "alerting.platform=twilio"),
        s.required(TWILIO_FROM, "as the supervisor leg's caller id"),
        supervisors(s),
        timeout(s));
  }

  private static SupervisorEndpoints supervisors(IntegrationSettings s) {
    SupervisorEndpoints endpoints =
        SupervisorEndpoints.parse(SUPERVISOR_ENDPOINTS, s.text(SUPERVISOR_ENDPOINTS));
    if (endpoints.isEmpty()) {
      throw SettingsException.of(
          SUPERVISOR_ENDPOINTS, "", "names no supervisor: whisper and barge need user=endpoint");
    }
    return endpoints;
  }

  private static Duration timeout(IntegrationSettings s) {
    return Duration.ofMillis(s.whole(PLATFORM_TIMEOUT_MS, 100, 600_000));
  }
}
