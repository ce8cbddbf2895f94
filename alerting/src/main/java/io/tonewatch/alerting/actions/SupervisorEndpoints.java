package io.tonewatch.alerting.actions;

import io.tonewatch.settings.SettingKey;
import io.tonewatch.settings.SettingsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each supervisor answers on the call platform: {@code alice=PJSIP/1001} (Asterisk), {@code
 * alice=user/1001} (FreeSWITCH), {@code alice=client:alice} (Twilio). Immutable.
 */
public final class SupervisorEndpoints {
  private final Map<String, String> endpoints;

  private SupervisorEndpoints(Map<String, String> endpoints) {
    this.endpoints = Map.copyOf(endpoints);
  }

  /** Parses comma-separated {@code user=endpoint} pairs; a bad pair names {@code key}. */
  public static SupervisorEndpoints parse(SettingKey key, String text) {
    Map<String, String> endpoints = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String user = equals < 0 ? "" : pair.substring(0, equals).strip();
      String endpoint = equals < 0 ? "" : pair.substring(equals + 1).strip();
      if (user.isEmpty()
          || endpoint.isEmpty()
          || endpoint.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\r' || c == '\n')) {
        throw SettingsException.of(key, text, "has '" + pair.strip() + "', not user=endpoint");
      }
      if (endpoints.put(user, endpoint) != null) {
        throw SettingsException.of(key, text, "names " + user + " twice");
      }
    }
    return new SupervisorEndpoints(endpoints);
  }

  /** The endpoint of {@code user}, if configured. */
  public Optional<String> of(String user) {
    return user == null ? Optional.empty() : Optional.ofNullable(endpoints.get(user));
  }

  public boolean isEmpty() {
    return endpoints.isEmpty();
  }
}
