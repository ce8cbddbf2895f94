package io.tonewatch.settings;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Typed reads of merged settings; each failure names the key and the value. Immutable. */
public final class SettingValues<K extends Enum<K> & SettingKey> {
  private final Map<K, String> values;

  SettingValues(Map<K, String> values) {
    this.values = new EnumMap<>(values);
  }

  /** The value without surrounding white space. */
  public String text(K key) {
    return values.get(key).strip();
  }

  public int whole(K key) {
    String value = text(key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw SettingsException.of(key, value, "is not a whole number");
    }
  }

  /** true, yes, on or false, no, off, in any case. */
  public boolean flag(K key) {
    String value = text(key);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw SettingsException.of(key, value, "is not true or false");
    };
  }

  /** The constant of {@code choices} whose {@code name} (lowercase) is the value, in any case. */
  public <E extends Enum<E>> E oneOf(
      K key, Class<E> choices, java.util.function.Function<E, String> name) {
    String value = text(key);
    StringBuilder names = new StringBuilder();
    for (E choice : choices.getEnumConstants()) {
      if (name.apply(choice).equals(value.toLowerCase(Locale.ROOT))) {
        return choice;
      }
      names.append(names.length() == 0 ? "" : ", ").append(name.apply(choice));
    }
    throw SettingsException.of(key, value, "is not one of " + names);
  }
}
