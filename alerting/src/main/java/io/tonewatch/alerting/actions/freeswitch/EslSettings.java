package io.tonewatch.alerting.actions.freeswitch;

import io.tonewatch.alerting.actions.SupervisorEndpoints;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one FreeSWITCH event socket. {@link #toString} leaves the password out.
 *
 * @param transferDialplan and {@code transferContext}: where {@code uuid_transfer} sends the call
 * @param timeout the longest wait for the whole exchange, ringing the supervisor included
 */
public record EslSettings(
    String host,
    int port,
    String password,
    SupervisorEndpoints supervisors,
    String transferDialplan,
    String transferContext,
    Duration timeout) {

  public EslSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(supervisors, "supervisors");
    Objects.requireNonNull(transferDialplan, "transferDialplan");
    Objects.requireNonNull(transferContext, "transferContext");
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String toString() {
    return "EslSettings[" + host + ":" + port + "]";
  }
}
