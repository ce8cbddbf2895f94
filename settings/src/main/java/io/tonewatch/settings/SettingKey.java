package io.tonewatch.settings;

/** One setting: its dotted lowercase key, its default (as text) and what it means. */
public interface SettingKey {
  String key();

  String defaultValue();

  String description();
}
