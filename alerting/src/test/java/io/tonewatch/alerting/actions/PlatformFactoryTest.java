package io.tonewatch.alerting.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.alerting.config.AlertingConfigLoader;
import io.tonewatch.alerting.config.IntegrationSettings;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import io.tonewatch.settings.SettingsException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformFactoryTest {
  private final AdapterMetrics metrics = new AdapterMetrics(new SimpleMeterRegistry());

  private CallPlatform build(Map<String, String> settings) {
    return PlatformFactory.platform(IntegrationSettings.of(settings), metrics, Optional.empty());
  }

  @Test
  void theDefaultIsNoPlatformWhoseActionsFailSayingSo() {
    CallPlatform platform = build(Map.of());
    assertEquals("none", platform.name());
    PlatformResult result =
        platform.perform(
            new PlatformCommand(PlatformCommand.Kind.WHISPER, "c", "alice", Map.of(), null));
    assertFalse(result.started());
  }

  @Test
  void anUnknownPlatformNamesTheKeyAndValue() {
    SettingsException e =
        assertThrows(SettingsException.class, () -> build(Map.of("alerting.platform", "sip")));
    assertTrue(e.getMessage().startsWith("alerting.platform=sip is not one of"), e.getMessage());
  }

  @Test
  void amiWithoutASecretNamesTheKeyAndItsEnvironmentVariable() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () ->
                build(
                    Map.of(
                        "alerting.platform", "ami", "alerting.platform.supervisors", "a=PJSIP/1")));
    assertTrue(e.getMessage().contains("alerting.ami.secret"), e.getMessage());
    assertTrue(e.getMessage().contains("TONEWATCH_ALERTING_AMI_SECRET"), e.getMessage());
  }

  @Test
  void aBadPortAndABadSupervisorListNameKeyAndValue() {
    Map<String, String> base =
        Map.of(
            "alerting.platform", "ami",
            "alerting.ami.secret", "hidden",
            "alerting.platform.supervisors", "alice=PJSIP/1001",
            "alerting.ami.port", "99999");
    SettingsException port = assertThrows(SettingsException.class, () -> build(base));
    assertEquals("alerting.ami.port=99999 is not 1-65535", port.getMessage());

    SettingsException pairs =
        assertThrows(
            SettingsException.class,
            () ->
                build(
                    Map.of(
                        "alerting.platform", "freeswitch",
                        "alerting.freeswitch.password", "hidden",
                        "alerting.platform.supervisors", "alice")));
    assertTrue(pairs.getMessage().startsWith("alerting.platform.supervisors=alice"));
    assertFalse(pairs.getMessage().contains("hidden"));
  }

  @Test
  void aConfiguredPlatformIsBuiltAndTheCoreLoaderAcceptsItsKeys() {
    Map<String, String> settings =
        Map.of(
            "alerting.platform", "twilio",
            "alerting.twilio.account-sid", "AC0123456789abcdef0123456789abcdef",
            "alerting.twilio.auth-token", "hidden",
            "alerting.twilio.from", "+15005550006",
            "alerting.platform.supervisors", "alice=client:alice");
    assertEquals("twilio", build(settings).name());
    AlertingConfigLoader.load(null, Map.of(), settings); // does not refuse the integration keys
  }

  @Test
  void aWebhookPlatformNeedsAWebhookUrl() {
    SettingsException e =
        assertThrows(SettingsException.class, () -> build(Map.of("alerting.platform", "webhook")));
    assertTrue(e.getMessage().contains("alerting.webhook.url"));
  }
}
