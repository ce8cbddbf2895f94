package io.tonewatch.alerting.actions.ami;

import io.tonewatch.alerting.actions.SupervisorEndpoints;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Asterisk manager. {@link #toString} leaves the secret out.
 *
 * @param transferContext the dialplan context a Redirect sends the customer's channel to
 * @param timeout the longest wait for the whole exchange (connect, login, action, answer)
 */
public record AmiSettings(
    String host,
    int port,
    String username,
    String secret,
    SupervisorEndpoints supervisors,
    String transferContext,
    Duration timeout) {

  public AmiSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(supervisors, "supervisors");
    Objects.requireNonNull(transferContext, "transferContext");
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String toString() {
    return "AmiSettings[" + username + "@" + host + ":" + port + "]";
  }
}
