package io.tonewatch.alerting.config;

import io.tonewatch.settings.SettingKey;
import io.tonewatch.settings.SettingsFamily;
import java.util.Arrays;

/**
 * The alerting service's integration settings: the call platform that performs whisper, barge and
 * transfer, the signed webhook, and the repeat-caller index. They share the {@code alerting.}
 * prefix and the settings file with {@link AlertingKey}, which validates its own keys. Secrets
 * ({@code ...secret}, {@code ...password}, {@code ...auth-token}) are best set in the environment
 * or through their {@code -file} key; they are never logged.
 */
public enum IntegrationKey implements SettingKey {
  PLATFORM("alerting.platform", "none", "Call platform: none, ami, freeswitch, twilio or webhook"),
  PLATFORM_TIMEOUT_MS(
      "alerting.platform.timeout-ms", "5000", "Longest wait for the platform's answer (ms)"),
  SUPERVISOR_ENDPOINTS(
      "alerting.platform.supervisors",
      "",
      "user=endpoint pairs, comma-separated (PJSIP/1001, user/1001, client:alice)"),
  AMI_HOST("alerting.ami.host", "127.0.0.1", "Asterisk manager interface host"),
  AMI_PORT("alerting.ami.port", "5038", "Asterisk manager interface TCP port"),
  AMI_USERNAME("alerting.ami.username", "tonewatch", "AMI user (manager.conf)"),
  AMI_SECRET("alerting.ami.secret", "", "AMI secret (set it in the environment)"),
  AMI_SECRET_FILE("alerting.ami.secret-file", "", "File holding the AMI secret"),
  AMI_TRANSFER_CONTEXT(
      "alerting.ami.transfer-context", "from-internal", "Dialplan context a transfer goes to"),
  FREESWITCH_HOST("alerting.freeswitch.host", "127.0.0.1", "FreeSWITCH event socket host"),
  FREESWITCH_PORT("alerting.freeswitch.port", "8021", "FreeSWITCH event socket TCP port"),
  FREESWITCH_PASSWORD(
      "alerting.freeswitch.password", "", "Event socket password (set it in the environment)"),
  FREESWITCH_PASSWORD_FILE(
      "alerting.freeswitch.password-file", "", "File holding the event socket password"),
  FREESWITCH_TRANSFER_DIALPLAN(
      "alerting.freeswitch.transfer-dialplan", "XML", "Dialplan of a transfer"),
  FREESWITCH_TRANSFER_CONTEXT(
      "alerting.freeswitch.transfer-context", "default", "Context of a transfer"),
  TWILIO_BASE_URL("alerting.twilio.base-url", "https://api.twilio.com", "Twilio REST API base"),
  TWILIO_ACCOUNT_SID("alerting.twilio.account-sid", "", "Twilio Account SID (AC...)"),
  TWILIO_AUTH_TOKEN(
      "alerting.twilio.auth-token", "", "Twilio auth token (set it in the environment)"),
  TWILIO_AUTH_TOKEN_FILE("alerting.twilio.auth-token-file", "", "File holding the auth token"),
  TWILIO_FROM(
      "alerting.twilio.from", "", "Caller id shown to the supervisor (a Twilio number or client)"),
  WEBHOOK_URL("alerting.webhook.url", "", "Where webhooks are POSTed (empty: no webhook)"),
  WEBHOOK_SECRET(
      "alerting.webhook.secret", "", "Shared secret of the signature (set it in the environment)"),
  WEBHOOK_SECRET_FILE("alerting.webhook.secret-file", "", "File holding the webhook secret"),
  WEBHOOK_MAX_ATTEMPTS(
      "alerting.webhook.max-attempts", "5", "Tries of one webhook before it is dead-lettered"),
  WEBHOOK_BACKOFF_MS(
      "alerting.webhook.backoff-ms", "500", "Wait before the second try; doubled each try"),
  WEBHOOK_BACKOFF_MAX_MS("alerting.webhook.backoff-max-ms", "30000", "Longest wait between tries"),
  WEBHOOK_QUEUE_CAPACITY(
      "alerting.webhook.queue-capacity", "1000", "Webhooks waiting at once; more are dropped"),
  WEBHOOK_DEAD_LETTERS(
      "alerting.webhook.dead-letters", "1000", "Dead-lettered webhooks kept for inspection"),
  CALLERS_SECRET(
      "alerting.callers.secret",
      "",
      "Key of the callers' number hash; the same as ingest.caller-hash-secret"),
  CALLERS_SECRET_FILE("alerting.callers.secret-file", "", "File holding the callers' key"),
  CALLERS_TOPIC("alerting.callers.topic", "tonewatch.callers", "Compacted topic of repeat callers"),
  CALLERS_WINDOW_DAYS(
      "alerting.callers.window-days", "7", "A caller who escalated this recently is flagged"),
  CALLERS_RETENTION_DAYS(
      "alerting.callers.retention-days", "30", "Escalations older than this are purged"),
  CALLERS_MAX_ENTRIES(
      "alerting.callers.max-entries", "100000", "Callers kept at once; the oldest go first");

  /** The family; the keys of {@link AlertingKey} are validated by its own loader. */
  public static final SettingsFamily<IntegrationKey> FAMILY =
      new SettingsFamily<>(
          IntegrationKey.class,
          AlertingKey.PREFIX,
          AlertingKey.ENV_PREFIX,
          "an alerting",
          Arrays.stream(AlertingKey.values()).map(AlertingKey::key).toList());

  private final String key;
  private final String defaultValue;
  private final String description;

  IntegrationKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String defaultValue() {
    return defaultValue;
  }

  @Override
  public String description() {
    return description;
  }

  /** The environment variable, e.g. {@code TONEWATCH_ALERTING_AMI_SECRET}. */
  public String envName() {
    return FAMILY.envName(this);
  }

  /** The setting with {@code key}, or null. */
  public static IntegrationKey byKey(String key) {
    return FAMILY.byKey(key);
  }
}
