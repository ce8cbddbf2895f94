package io.tonewatch.alerting.config;

import static io.tonewatch.alerting.config.AlertingKey.*;

import io.tonewatch.alerting.escalation.EscalationPolicy;
import io.tonewatch.events.LadderStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds an {@link AlertingConfig} from, lowest to highest precedence: the defaults, a settings
 * file (the escalation policy and the service's settings), environment variables ({@code
 * TONEWATCH_ALERTING_...}) and explicit overrides (the CLI's flags, keyed like the file). An
 * unknown {@code alerting.*} key is an error, so a typo never silently keeps a default; other
 * modules' keys may share the file. Every error names the key, the value and where it was set.
 */
public final class AlertingConfigLoader {
  private static final String TOPIC_NAME = "[a-zA-Z0-9._-]{1,249}";

  private final Map<AlertingKey, String> values = new EnumMap<>(AlertingKey.class);
  private final Map<AlertingKey, String> origins = new EnumMap<>(AlertingKey.class);

  private AlertingConfigLoader() {
    for (AlertingKey key : AlertingKey.values()) {
      set(key, key.defaultValue(), "the default");
    }
  }

  /**
   * Loads the settings; {@code file} may be null.
   *
   * @throws AlertingConfigException naming the key, value and origin of the first bad setting
   */
  public static AlertingConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    AlertingConfigLoader loader = new AlertingConfigLoader();
    if (file != null) {
      SettingsFile.read(file)
          .forEach(
              (name, entry) ->
                  loader.merge(name, entry.value(), file.getFileName() + " line " + entry.line()));
    }
    for (AlertingKey key : AlertingKey.values()) {
      if (env.containsKey(key.envName())) {
        loader.set(key, env.get(key.envName()), "the environment (" + key.envName() + ")");
      }
    }
    overrides.forEach((name, value) -> loader.merge(name, value, "the overrides"));
    return loader.build();
  }

  private void merge(String name, String value, String origin) {
    AlertingKey key = AlertingKey.byKey(name.strip());
    if (key != null) {
      set(key, value, origin);
    } else if (name.strip().startsWith(AlertingKey.PREFIX)
        && IntegrationKey.byKey(name.strip()) == null) { // IntegrationSettings checks those
      throw new AlertingConfigException(
          name.strip() + " in " + origin + " is not an alerting setting");
    }
  }

  private void set(AlertingKey key, String value, String origin) {
    values.put(key, value.strip());
    origins.put(key, origin);
  }

  private AlertingConfig build() {
    EscalationPolicy policy =
        new EscalationPolicy(
            seconds(STILL_RAISED_SECONDS, 1),
            flag(SHOUTING_ESCALATES),
            seconds(REPEAT_WINDOW_SECONDS, 1),
            whole(REPEAT_COUNT, 2, 100),
            seconds(CUE_COOLDOWN_SECONDS, 0),
            flag(AGENT_VOICE_TO_SUPERVISOR),
            seconds(CALM_AFTER_WHISPER_SECONDS, 1),
            seconds(RENOTIFY_SECONDS, 1),
            whole(RENOTIFY_MAX, 0, 100),
            seconds(RESOLVE_AFTER_CALM_SECONDS, 0),
            seconds(CALL_IDLE_SECONDS, 1));
    String clientId = values.get(CLIENT_ID);
    if (clientId.isEmpty()) {
      throw problem(CLIENT_ID, "must not be blank");
    }
    return new AlertingConfig(
        clientId,
        whole(REPLAY_HOURS, 1, 24 * 365),
        whole(MAX_CALLS, 1, 1_000_000),
        topic(ALERTS_TOPIC),
        topic(FEATURES_TOPIC),
        topic(ACTIONS_TOPIC),
        topic(NOTIFICATIONS_TOPIC),
        bindAddress(),
        whole(HTTP_PORT, 0, 65_535),
        policy,
        topic(CALLS_TOPIC),
        step(REPORT_FROM_STEP),
        text(TRANSFER_TARGET),
        new ConsoleConfig(
            whole(CONSOLE_HTTP_PORT, 0, 65_535),
            values.get(CONSOLE_USERS_FILE).isEmpty()
                ? null
                : Path.of(values.get(CONSOLE_USERS_FILE)),
            flag(CONSOLE_SECURE_COOKIES),
            Duration.ofMinutes(whole(CONSOLE_SESSION_MINUTES, 1, 7 * 24 * 60)),
            whole(CONSOLE_SIGN_IN_FAILURES, 1, 1000),
            flag(CONSOLE_AGENT_COACHING),
            values.get(CONSOLE_ROUTING_TOKEN)));
  }

  private LadderStep step(AlertingKey key) {
    try {
      return LadderStep.fromWireName(values.get(key));
    } catch (IllegalArgumentException e) {
      throw problem(key, "is not a ladder step (" + steps() + ")");
    }
  }

  private static String steps() {
    return Arrays.stream(LadderStep.values())
        .map(LadderStep::wireName)
        .collect(Collectors.joining(", "));
  }

  private String text(AlertingKey key) {
    if (values.get(key).isEmpty()) {
      throw problem(key, "must not be blank");
    }
    return values.get(key);
  }

  private String bindAddress() {
    String address = values.get(BIND_ADDRESS);
    if (address.isEmpty() || address.chars().anyMatch(Character::isWhitespace)) {
      throw problem(BIND_ADDRESS, "is not a host name or address");
    }
    return address;
  }

  private Duration seconds(AlertingKey key, int min) {
    return Duration.ofSeconds(whole(key, min, 86_400));
  }

  private int whole(AlertingKey key, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(values.get(key));
    } catch (NumberFormatException e) {
      throw problem(key, "is not a whole number");
    }
    if (value < min || value > max) {
      throw problem(key, "is not " + min + "-" + max);
    }
    return value;
  }

  private boolean flag(AlertingKey key) {
    String value = values.get(key).toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw problem(key, "is not true or false");
  }

  private String topic(AlertingKey key) {
    if (!values.get(key).matches(TOPIC_NAME)) {
      throw problem(key, "is not a valid Kafka topic name");
    }
    return values.get(key);
  }

  private AlertingConfigException problem(AlertingKey key, String what) {
    return new AlertingConfigException(
        key.key() + "=" + values.get(key) + " " + what + " (set in " + origins.get(key) + ")");
  }

  /** Every key with its default and meaning, for {@code --list-settings}. */
  public static String table() {
    StringBuilder out = new StringBuilder();
    for (AlertingKey key : AlertingKey.values()) {
      out.append(
          String.format("%-44s %-22s %s%n", key.key(), key.defaultValue(), key.description()));
    }
    return out.append(IntegrationKey.FAMILY.table(44, 22)).toString();
  }
}
