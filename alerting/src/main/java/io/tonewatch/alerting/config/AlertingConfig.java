package io.tonewatch.alerting.config;

import io.tonewatch.alerting.escalation.EscalationPolicy;
import io.tonewatch.events.LadderStep;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the alerting service, checked by {@link AlertingConfigLoader} (which names the
 * key, the value and its line) and frozen for the life of the service.
 *
 * @param replayHours how far back the topics are read at start-up
 * @param maxCalls calls kept at once
 * @param bindAddress where /health and /metrics listen
 * @param httpPort their port; 0 for any free one
 */
public record AlertingConfig(
    String clientId,
    int replayHours,
    int maxCalls,
    String alertsTopic,
    String featuresTopic,
    String actionsTopic,
    String notificationsTopic,
    String bindAddress,
    int httpPort,
    EscalationPolicy policy,
    String callsTopic,
    LadderStep reportFromStep,
    String transferTarget,
    ConsoleConfig console) {

  public AlertingConfig {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(alertsTopic, "alertsTopic");
    Objects.requireNonNull(featuresTopic, "featuresTopic");
    Objects.requireNonNull(actionsTopic, "actionsTopic");
    Objects.requireNonNull(notificationsTopic, "notificationsTopic");
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(callsTopic, "callsTopic");
    Objects.requireNonNull(reportFromStep, "reportFromStep");
    Objects.requireNonNull(transferTarget, "transferTarget");
    Objects.requireNonNull(console, "console");
  }

  /** The five topics the service reads, in one list. */
  public List<String> topics() {
    return List.of(alertsTopic, featuresTopic, actionsTopic, notificationsTopic, callsTopic);
  }

  /** Every default, as {@link AlertingKey} lists them. */
  public static AlertingConfig defaults() {
    return AlertingConfigLoader.load(null, Map.of(), Map.of());
  }
}
