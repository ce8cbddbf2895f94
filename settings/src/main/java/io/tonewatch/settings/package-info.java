/**
 * How every service reads its settings, in one place: a service lists its keys as an enum of {@link
 * io.tonewatch.settings.SettingKey}, and {@link io.tonewatch.settings.SettingsFamily} layers
 * defaults, a properties file, environment variables and explicit overrides over them, refusing an
 * unknown key of the family and naming the key and value of every bad setting.
 */
package io.tonewatch.settings;
