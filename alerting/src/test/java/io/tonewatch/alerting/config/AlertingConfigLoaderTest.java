package io.tonewatch.alerting.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults < file < environment < overrides; every bad setting names key, value and line. */
class AlertingConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path file = dir.resolve("policy.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void theDocumentedFileHoldsEveryKeyWithItsDefault() throws IOException {
    Path copy = dir.resolve("alerting.properties");
    try (InputStream in = AlertingConfig.class.getResourceAsStream("alerting.properties")) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    Map<String, SettingsFile.Entry> documented = SettingsFile.read(copy);
    for (AlertingKey key : AlertingKey.values()) {
      assertEquals(key.defaultValue(), documented.get(key.key()).value(), key.key());
    }
    assertEquals(AlertingKey.values().length, documented.size());
    assertEquals(AlertingConfig.defaults(), AlertingConfigLoader.load(copy, Map.of(), Map.of()));
  }

  @Test
  void aBadValueNamesTheKeyTheValueAndTheLine() throws IOException {
    Path file =
        file(
            "# policy\n\nalerting.policy.still-raised-seconds = 10\n"
                + "alerting.policy.repeat-count = 1\n");
    AlertingConfigException e =
        assertThrows(
            AlertingConfigException.class,
            () -> AlertingConfigLoader.load(file, Map.of(), Map.of()));
    assertEquals(
        "alerting.policy.repeat-count=1 is not 2-100 (set in policy.properties line 4)",
        e.getMessage());
  }

  @Test
  void aLineThatIsNotASettingOrAKeySetTwiceIsNamed() throws IOException {
    Path noEquals = file("alerting.policy.renotify-max 3\n");
    assertEquals(
        "policy.properties line 1: 'alerting.policy.renotify-max 3' is not key = value",
        assertThrows(
                AlertingConfigException.class,
                () -> AlertingConfigLoader.load(noEquals, Map.of(), Map.of()))
            .getMessage());
    Path twice = file("alerting.max-calls=5\n#\nalerting.max-calls=6\n");
    assertEquals(
        "policy.properties line 3: alerting.max-calls is set again (first on line 1)",
        assertThrows(
                AlertingConfigException.class,
                () -> AlertingConfigLoader.load(twice, Map.of(), Map.of()))
            .getMessage());
  }

  @Test
  void anUnknownAlertingKeyIsATypoButOtherModulesKeysMayShareTheFile() throws IOException {
    Path file = file("process.workers = 4\nalerting.policy.renotfy-max = 2\n");
    assertEquals(
        "alerting.policy.renotfy-max in policy.properties line 2 is not an alerting setting",
        assertThrows(
                AlertingConfigException.class,
                () -> AlertingConfigLoader.load(file, Map.of(), Map.of()))
            .getMessage());
  }

  @Test
  void theEnvironmentBeatsTheFileAndTheOverridesBeatBoth() throws IOException {
    Path file = file("alerting.policy.still-raised-seconds = 12\nalerting.policy.renotify-max=1\n");
    AlertingConfig config =
        AlertingConfigLoader.load(
            file,
            Map.of(
                "TONEWATCH_ALERTING_POLICY_RENOTIFY_MAX", "2", "TONEWATCH_ALERTING_MAX_CALLS", "7"),
            Map.of("alerting.max-calls", "8"));
    assertEquals(Duration.ofSeconds(12), config.policy().stillRaised());
    assertEquals(2, config.policy().renotifyMax());
    assertEquals(8, config.maxCalls());
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    AlertingConfigException e =
        assertThrows(
            AlertingConfigException.class,
            () ->
                AlertingConfigLoader.load(
                    null, Map.of("TONEWATCH_ALERTING_POLICY_SHOUTING_ESCALATES", "yes"), Map.of()));
    assertEquals(
        "alerting.policy.shouting-escalates=yes is not true or false"
            + " (set in the environment (TONEWATCH_ALERTING_POLICY_SHOUTING_ESCALATES))",
        e.getMessage());
  }

  @Test
  void aTopicNameKafkaWouldRefuseStopsStartUp() {
    assertThrows(
        AlertingConfigException.class,
        () -> AlertingConfigLoader.load(null, Map.of(), Map.of("alerting.topic.actions", "a b")));
  }
}
