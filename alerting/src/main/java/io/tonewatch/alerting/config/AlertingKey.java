package io.tonewatch.alerting.config;

import io.tonewatch.events.Topics;
import java.util.Locale;

/**
 * Every setting of the alerting service: key (lowercase, dotted, prefix {@code alerting.}), default
 * and meaning. The {@code alerting.policy.} keys are the escalation policy. {@code --list-settings}
 * prints this table; {@link #envName()} names the environment variable that sets a key.
 */
public enum AlertingKey {
  CLIENT_ID("alerting.client-id", "tonewatch-alerting", "Client id of the consumer and producer"),
  REPLAY_HOURS(
      "alerting.replay-hours",
      "24",
      "How far back the topics are read at start-up to rebuild state"),
  MAX_CALLS("alerting.max-calls", "10000", "Calls kept at once; the longest idle is forgotten"),
  ALERTS_TOPIC("alerting.topic.alerts", Topics.ALERTS, "Topic alert events come from"),
  FEATURES_TOPIC("alerting.topic.features", Topics.FEATURES, "Topic leg summaries come from"),
  ACTIONS_TOPIC("alerting.topic.actions", Topics.ACTIONS, "Topic of the actions (the audit trail)"),
  BIND_ADDRESS("alerting.bind-address", "127.0.0.1", "Address /health and /metrics bind to"),
  HTTP_PORT("alerting.http-port", "8092", "Port of /health and /metrics (0: any free port)"),
  NOTIFICATIONS_TOPIC(
      "alerting.topic.notifications", Topics.NOTIFICATIONS, "Topic of the notifications sent"),
  STILL_RAISED_SECONDS(
      "alerting.policy.still-raised-seconds",
      "10",
      "A customer episode open this long goes to the second warning and the supervisor"),
  SHOUTING_ESCALATES(
      "alerting.policy.shouting-escalates",
      "true",
      "A customer episode that reaches shouting goes to the second warning at once"),
  REPEAT_WINDOW_SECONDS(
      "alerting.policy.repeat-window-seconds",
      "120",
      "Customer episodes opened within this window count as repeated"),
  REPEAT_COUNT(
      "alerting.policy.repeat-count",
      "2",
      "The episode that makes this many within the window goes to the second warning"),
  CUE_COOLDOWN_SECONDS(
      "alerting.policy.cue-cooldown-seconds",
      "30",
      "No second agent cue for a call within this time of the last one"),
  AGENT_VOICE_TO_SUPERVISOR(
      "alerting.policy.agent-voice-to-supervisor",
      "true",
      "Tell the supervisor when the agent's voice is raised (an acoustic fact)"),
  CALM_AFTER_WHISPER_SECONDS(
      "alerting.policy.calm-after-whisper-seconds",
      "20",
      "An episode still open this long after a whisper suggests barge"),
  RENOTIFY_SECONDS(
      "alerting.policy.renotify-seconds",
      "30",
      "A supervisor step nobody acknowledged is sent again after this long"),
  RENOTIFY_MAX(
      "alerting.policy.renotify-max", "3", "Re-notifications of one step at most (0: none)"),
  RESOLVE_AFTER_CALM_SECONDS(
      "alerting.policy.resolve-after-calm-seconds",
      "30",
      "An episode closed (calm) this long is resolved by the service"),
  CALL_IDLE_SECONDS(
      "alerting.policy.call-idle-seconds",
      "60",
      "A call with no event or summary this long has ended: its alerts are resolved"),
  REPORT_FROM_STEP(
      "alerting.policy.report-from-step",
      "whisper_suggested",
      "A call whose alert reached this ladder step gets a team lead's incident report"),
  CALLS_TOPIC("alerting.topic.calls", Topics.CALLS, "Topic calls' starts and ends come from"),
  TRANSFER_TARGET(
      "alerting.transfer-target",
      "specialists",
      "Where 'transfer to specialist' sends a call when the user names no target"),
  CONSOLE_HTTP_PORT(
      "alerting.console.http-port",
      "8093",
      "Port of the supervisor console, on alerting.bind-address (0: any free port)"),
  CONSOLE_USERS_FILE(
      "alerting.console.users-file",
      "",
      "The console's users, roles, teams and password hashes; empty: nobody can sign in"),
  CONSOLE_SECURE_COOKIES(
      "alerting.console.secure-cookies",
      "false",
      "Mark the session cookie Secure (set true when the console is served over HTTPS)"),
  CONSOLE_SESSION_MINUTES(
      "alerting.console.session-minutes", "480", "A console session ends after this long"),
  CONSOLE_SIGN_IN_FAILURES(
      "alerting.console.sign-in-failures",
      "5",
      "Failed sign-ins of one user after which each next try must wait, doubling from 1 s"),
  CONSOLE_ROUTING_TOKEN(
      "alerting.console.routing-token",
      "",
      "Bearer token the call platform sends to POST /v1/routing-hints (empty: the endpoint is off)"),
  CONSOLE_AGENT_COACHING(
      "alerting.console.agent-coaching",
      "false",
      "Show agents the meter of their own voice (off: an agent sees only the customer's)");

  /** Prefix of every key. */
  public static final String PREFIX = "alerting.";

  /** Prefix of every environment variable. */
  public static final String ENV_PREFIX = "TONEWATCH_ALERTING_";

  private final String key;
  private final String defaultValue;
  private final String description;

  AlertingKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The environment variable, e.g. {@code TONEWATCH_ALERTING_POLICY_RENOTIFY_MAX}. */
  public String envName() {
    String rest = key.substring(PREFIX.length()).replaceAll("[.-]", "_");
    return ENV_PREFIX + rest.toUpperCase(Locale.ROOT);
  }

  /** The setting with {@code key}, or null. */
  public static AlertingKey byKey(String key) {
    for (AlertingKey k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }
}
