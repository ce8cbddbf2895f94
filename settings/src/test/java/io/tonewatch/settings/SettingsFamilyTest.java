package io.tonewatch.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFamilyTest {
  enum Key implements SettingKey {
    PORT("demo.http-port", "8080", "Port"),
    ENABLED("demo.enabled", "true", "On or off"),
    MODE("demo.mode", "fast", "fast or slow"),
    NAME("demo.name", "", "A name");

    private final String key;
    private final String defaultValue;
    private final String description;

    Key(String key, String defaultValue, String description) {
      this.key = key;
      this.defaultValue = defaultValue;
      this.description = description;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String defaultValue() {
      return defaultValue;
    }

    @Override
    public String description() {
      return description;
    }
  }

  enum Mode {
    FAST,
    SLOW
  }

  private static final SettingsFamily<Key> FAMILY =
      new SettingsFamily<>(Key.class, "demo.", "TW_DEMO_", "a demo", List.of("demo.sub."));

  @TempDir Path dir;

  @Test
  void laterLayersWinOverEarlierOnes() throws IOException {
    Path file = dir.resolve("s.properties");
    Files.writeString(file, "demo.http-port=1\ndemo.mode=slow\ndemo.name=file\n");
    SettingValues<Key> v =
        FAMILY.load(
            file,
            Map.of("TW_DEMO_HTTP_PORT", "2", "TW_DEMO_NAME", "env"),
            Map.of("demo.name", " flag "));
    assertEquals(2, v.whole(Key.PORT));
    assertEquals(Mode.SLOW, v.oneOf(Key.MODE, Mode.class, m -> m.name().toLowerCase()));
    assertEquals("flag", v.text(Key.NAME));
    assertTrue(v.flag(Key.ENABLED));
  }

  @Test
  void anUnknownKeyOfTheFamilyIsRefusedAndOthersPass() {
    SettingsException e =
        assertThrows(
            SettingsException.class, () -> FAMILY.load(null, Map.of(), Map.of("demo.prot", "1")));
    assertEquals("demo.prot in the overrides is not a demo setting", e.getMessage());
    FAMILY.load(null, Map.of(), Map.of("other.key", "1", "demo.sub.anything", "x"));
  }

  @Test
  void badValuesNameTheKeyAndTheValue() {
    SettingValues<Key> v =
        FAMILY.load(
            null,
            Map.of(),
            Map.of("demo.http-port", "x", "demo.enabled", "maybe", "demo.mode", "odd"));
    assertEquals(
        "demo.http-port=x is not a whole number",
        assertThrows(SettingsException.class, () -> v.whole(Key.PORT)).getMessage());
    assertEquals(
        "demo.enabled=maybe is not true or false",
        assertThrows(SettingsException.class, () -> v.flag(Key.ENABLED)).getMessage());
    assertEquals(
        "demo.mode=odd is not one of fast, slow",
        assertThrows(
                SettingsException.class,
                () -> v.oneOf(Key.MODE, Mode.class, m -> m.name().toLowerCase()))
            .getMessage());
  }

  @Test
  void flagsReadTheUsualWords() {
    for (String no : List.of("false", "No", "OFF")) {
      assertFalse(FAMILY.load(null, Map.of(), Map.of("demo.enabled", no)).flag(Key.ENABLED));
    }
  }

  @Test
  void envNamesAndTheTable() {
    assertEquals("TW_DEMO_HTTP_PORT", FAMILY.envName(Key.PORT));
    assertEquals(Key.MODE, FAMILY.byKey("demo.mode"));
    String table = FAMILY.table(16, 8);
    assertTrue(table.contains(String.format("%-16s %-8s %s%n", "demo.name", "(empty)", "A name")));
    assertEquals(4, table.lines().count());
  }

  @Test
  void anUnreadableFileIsNamed() {
    Path missing = dir.resolve("missing.properties");
    SettingsException e =
        assertThrows(SettingsException.class, () -> FAMILY.load(missing, Map.of(), Map.of()));
    assertTrue(
        e.getMessage().startsWith("cannot read the settings file " + missing), e.getMessage());
  }
}
