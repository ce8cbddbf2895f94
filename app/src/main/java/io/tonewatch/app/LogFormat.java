package io.tonewatch.app;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The log format switch, {@code TONEWATCH_LOG_FORMAT}: {@code text} (default) or {@code json}, one
 * object per line on stderr. Logback's configuration picks its appender by this name, and names it
 * nothing else, so any other value would leave the root logger without an appender: it is refused
 * before the first log line.
 */
final class LogFormat {
  static final String ENV = "TONEWATCH_LOG_FORMAT";
  private static final Set<String> FORMATS = Set.of("text", "json");

  private LogFormat() {}

  /** Why {@code env}'s format cannot be used (one sentence naming key and value), or empty. */
  static Optional<String> problem(Map<String, String> env) {
    String value = env.get(ENV);
    if (value == null || FORMATS.contains(value)) {
      return Optional.empty();
    }
    return Optional.of(ENV + "=" + value + " is not a log format (text or json)");
  }
}
