package io.tonewatch.alerting.actions;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform's own ids taken from a call's metadata or a transfer target, accepted only when they
 * look like ids (letters, digits and {@code / @ . : ; + - _}), so a value from call registration
 * can never add a field, an option or a command to what an adapter sends.
 */
public final class PlatformIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9/@.:;+_-]{1,200}");

  private PlatformIds() {}

  /** The first of {@code keys} present in the call's metadata, if it is a well-formed id. */
  public static Optional<String> find(PlatformCommand command, String... keys) {
    for (String key : keys) {
      String value = command.callMetadata().get(key);
      if (value != null) {
        return valid(value);
      }
    }
    return Optional.empty();
  }

  /** {@code value} if it is a well-formed id. */
  public static Optional<String> valid(String value) {
    return value != null && ID.matcher(value).matches() ? Optional.of(value) : Optional.empty();
  }
}
