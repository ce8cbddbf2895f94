package io.tonewatch.simulator.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Durations as people type them: 500ms, 30s, 1.5s, 5m, 1h, or plain seconds. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    double scaleMillis;
    if (value.endsWith("ms")) {
      scaleMillis = 1;
      value = value.substring(0, value.length() - 2);
    } else if (value.endsWith("s")) {
      scaleMillis = 1000;
      value = value.substring(0, value.length() - 1);
    } else if (value.endsWith("m")) {
      scaleMillis = 60_000;
      value = value.substring(0, value.length() - 1);
    } else if (value.endsWith("h")) {
      scaleMillis = 3_600_000;
      value = value.substring(0, value.length() - 1);
    } else {
      scaleMillis = 1000;
    }
    try {
      double amount = Double.parseDouble(value.strip());
      if (!(amount >= 0) || Double.isInfinite(amount)) {
        throw new IllegalArgumentException("'" + text + "' is not a duration");
      }
      return Duration.ofMillis(Math.round(amount * scaleMillis));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 500ms, 30s, 5m or 1h");
    }
  }
}
