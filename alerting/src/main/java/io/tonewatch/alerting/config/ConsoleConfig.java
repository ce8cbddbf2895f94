package io.tonewatch.alerting.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The console's settings.
 *
 * @param httpPort the console's port; 0 for any free one
 * @param usersFile the users file; null when none is configured (nobody can sign in)
 * @param secureCookies whether the session cookie is marked Secure (HTTPS only)
 * @param sessionTtl how long a session lasts
 * @param signInFailures failed sign-ins of one user after which each next try must wait
 * @param agentCoaching whether agents see the meter of their own voice
 * @param routingToken the bearer token of the routing-hint endpoint; empty when it is off
 */
public record ConsoleConfig(
    int httpPort,
    Path usersFile,
    boolean secureCookies,
    Duration sessionTtl,
    int signInFailures,
    boolean agentCoaching,
    String routingToken) {

  /** Never shows the token. */
  @Override
  public String toString() {
    return "ConsoleConfig[httpPort="
        + httpPort
        + ", usersFile="
        + usersFile
        + ", secureCookies="
        + secureCookies
        + ", sessionTtl="
        + sessionTtl
        + ", signInFailures="
        + signInFailures
        + ", agentCoaching="
        + agentCoaching
        + ", routingToken="
        + (routingToken.isEmpty() ? "(none)" : "(set)")
        + "]";
  }
}
