package io.tonewatch.processor;

/**
 * Deployment switches of the engine.
 *
 * @param agentAlerts whether the agent leg may raise per-leg alerts (some deployments must not)
 */
public record DetectorSettings(boolean agentAlerts) {
  public static DetectorSettings defaults() {
    return new DetectorSettings(true);
  }
}
