package io.tonewatch.alerting.actions.freeswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.alerting.actions.PlatformCommand;
import io.tonewatch.alerting.actions.PlatformCommand.Kind;
import io.tonewatch.alerting.actions.PlatformResult;
import io.tonewatch.alerting.actions.SupervisorEndpoints;
import io.tonewatch.alerting.config.IntegrationKey;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event-socket adapter against a local server speaking inbound ESL on 127.0.0.1. */
class EslPlatformIT {
  private static final String AGENT = "a1b2c3d4-0000-4000-8000-00000000aaaa";
  private static final String CUSTOMER = "a1b2c3d4-0000-4000-8000-00000000cccc";
  private static final Map<String, String> CALL = Map.of("uuid", AGENT, "customerUuid", CUSTOMER);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private EslTestServer server;

  @BeforeEach
  void start() throws IOException {
    server = new EslTestServer("ClueCon");
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private EslPlatform platform(String password) {
    return new EslPlatform(
        new EslSettings(
            "127.0.0.1",
            server.port(),
            password,
            SupervisorEndpoints.parse(IntegrationKey.SUPERVISOR_ENDPOINTS, "alice=user/1001"),
            "XML",
            "specialists",
            Duration.ofSeconds(30)),
        new AdapterMetrics(registry));
  }

  private static PlatformCommand command(Kind kind, String target) {
    return new PlatformCommand(kind, "call-1", "alice", CALL, target);
  }

  @Test
  void whisperAuthenticatesAndOriginatesTheSupervisorIntoEavesdropWhisperingToTheAgentOnly() {
    PlatformResult result = platform("ClueCon").perform(command(Kind.WHISPER, null));

    assertTrue(result.started(), result.detail());
    assertEquals(
        List.of(
            "auth ClueCon",
            "api originate {origination_caller_id_name=tonewatch,originate_timeout=29,"
                + "eavesdrop_whisper_aleg=true,eavesdrop_whisper_bleg=false}user/1001"
                + " &eavesdrop("
                + AGENT
                + ")"),
        server.commands);
  }

  @Test
  void bargeWhispersToBothLegs() {
    PlatformResult result = platform("ClueCon").perform(command(Kind.BARGE, null));

    assertTrue(result.started(), result.detail());
    assertTrue(server.commands.get(1).contains("eavesdrop_whisper_bleg=true}"));
  }

  @Test
  void aTransferIsUuidTransferOfTheCustomerLeg() {
    PlatformResult result = platform("ClueCon").perform(command(Kind.TRANSFER, "7000"));

    assertTrue(result.started(), result.detail());
    assertEquals("api uuid_transfer " + CUSTOMER + " 7000 XML specialists", server.commands.get(1));
  }

  @Test
  void aWrongPasswordIsAFailedResultAndNoCommandIsSent() {
    PlatformResult result = platform("nope").perform(command(Kind.WHISPER, null));

    assertFalse(result.started());
    assertTrue(result.detail().contains("-ERR invalid"), result.detail());
    assertEquals(1, server.commands.size());
  }

  @Test
  void anErrReplyIsAFailedResultCarryingFreeswitchsReason() {
    server.answerApi(api -> "-ERR USER_NOT_REGISTERED\n");

    PlatformResult result = platform("ClueCon").perform(command(Kind.WHISPER, null));

    assertFalse(result.started());
    assertTrue(result.detail().contains("USER_NOT_REGISTERED"), result.detail());
    assertEquals(
        1.0,
        registry
            .get("tonewatch.alerting.adapter.errors")
            .tag("platform", "freeswitch")
            .tag("error", "refused")
            .counter()
            .count());
  }

  @Test
  void aUuidThatCouldAddCommandsIsRefusedBeforeConnecting() {
    PlatformCommand command =
        new PlatformCommand(Kind.BARGE, "c", "alice", Map.of("uuid", AGENT + ") &hangup("), null);

    assertFalse(platform("ClueCon").perform(command).started());
    assertTrue(server.commands.isEmpty());
  }
}
