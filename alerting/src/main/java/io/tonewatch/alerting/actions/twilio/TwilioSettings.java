package io.tonewatch.alerting.actions.twilio;

import io.tonewatch.alerting.actions.SupervisorEndpoints;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One Twilio account. {@link #toString} leaves the auth token out.
 *
 * @param baseUrl the API's base, {@code https://api.twilio.com} outside tests
 * @param from the caller id the supervisor's leg is placed from (a Twilio number or {@code
 *     client:name})
 */
public record TwilioSettings(
    URI baseUrl,
    String accountSid,
    String authToken,
    String from,
    SupervisorEndpoints supervisors,
    Duration timeout) {

  public TwilioSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(authToken, "authToken");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(supervisors, "supervisors");
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String toString() {
    return "TwilioSettings[" + baseUrl + ", " + accountSid + "]";
  }
}
