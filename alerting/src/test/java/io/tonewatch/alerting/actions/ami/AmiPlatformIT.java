package io.tonewatch.alerting.actions.ami;

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
import io.tonewatch.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AMI adapter against a local manager speaking AMI over TCP on 127.0.0.1. */
class AmiPlatformIT {
  private static final String AGENT = "PJSIP/agent7-00000012";
  private static final Map<String, String> CALL =
      Map.of("channel", AGENT, "customerChannel", "PJSIP/trunk-00000011");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private AmiTestServer server;

  @BeforeEach
  void start() throws IOException {
    server = new AmiTestServer("tonewatch", "s3cret");
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private AmiPlatform platform(int port, String secret) {
    return new AmiPlatform(
        new AmiSettings(
            "127.0.0.1",
            port,
            "tonewatch",
            secret,
            SupervisorEndpoints.parse(IntegrationKey.SUPERVISOR_ENDPOINTS, "alice=PJSIP/1001"),
            "specialists",
            Duration.ofSeconds(30)),
        new AdapterMetrics(registry));
  }

  private static PlatformCommand command(Kind kind, String target) {
    return new PlatformCommand(kind, "call-1", "alice", CALL, target);
  }

  @Test
  void whisperLogsInAndOriginatesChanSpyOnTheAgentChannelQuietWhisperExitOnHangup() {
    PlatformResult result = platform(server.port(), "s3cret").perform(command(Kind.WHISPER, null));

    assertTrue(result.started(), result.detail());
    Map<String, String> login = server.actions("Login").get(0);
    assertEquals("tonewatch", login.get("Username"));
    assertEquals("s3cret", login.get("Secret"));
    Map<String, String> originate = server.actions("Originate").get(0);
    assertEquals("PJSIP/1001", originate.get("Channel"));
    assertEquals("ChanSpy", originate.get("Application"));
    assertEquals(AGENT + ",qwE", originate.get("Data"));
    assertEquals("true", originate.get("Async"));
    assertFalse(originate.get("ActionID").equals(login.get("ActionID")));
    // The platform sends its Logoff and does not wait for an answer, so the server may read it
    // after perform returns.
    Await.until("the Logoff to reach the manager", () -> !server.actions("Logoff").isEmpty());
    assertEquals(1, server.actions("Logoff").size());
  }

  @Test
  void bargeSpiesOnBothChannels() {
    PlatformResult result = platform(server.port(), "s3cret").perform(command(Kind.BARGE, null));

    assertTrue(result.started(), result.detail());
    assertEquals(AGENT + ",qBE", server.actions("Originate").get(0).get("Data"));
  }

  @Test
  void aFailedLoginIsAFailedResultAndNothingIsOriginated() {
    PlatformResult result = platform(server.port(), "wrong").perform(command(Kind.WHISPER, null));

    assertFalse(result.started());
    assertTrue(result.detail().contains("Authentication failed"), result.detail());
    assertTrue(server.actions("Originate").isEmpty());
    assertFalse(result.detail().contains("wrong"), "the secret never shows");
  }

  @Test
  void aRefusedOriginateIsAFailedResultWithAsterisksMessage() {
    server.originate(AmiTestServer.Originate.REFUSED);

    PlatformResult result = platform(server.port(), "s3cret").perform(command(Kind.WHISPER, null));

    assertFalse(result.started());
    assertTrue(result.detail().contains("extension does not exist"), result.detail());
  }

  @Test
  void anUnansweredOriginateIsAFailedResultWithItsReason() {
    server.originate(AmiTestServer.Originate.UNANSWERED);

    PlatformResult result = platform(server.port(), "s3cret").perform(command(Kind.BARGE, null));

    assertFalse(result.started());
    assertTrue(result.detail().contains("reason 3"), result.detail());
    assertEquals(
        1.0,
        registry
            .get("tonewatch.alerting.adapter.errors")
            .tag("error", "refused")
            .counter()
            .count());
  }

  @Test
  void aTransferRedirectsTheCustomerChannelToTheTargetExtension() {
    PlatformResult result =
        platform(server.port(), "s3cret").perform(command(Kind.TRANSFER, "7000"));

    assertTrue(result.started(), result.detail());
    Map<String, String> redirect = server.actions("Redirect").get(0);
    assertEquals("PJSIP/trunk-00000011", redirect.get("Channel"));
    assertEquals("7000", redirect.get("Exten"));
    assertEquals("specialists", redirect.get("Context"));
    assertEquals("1", redirect.get("Priority"));
  }

  @Test
  void aChannelThatCouldInjectFieldsIsRefusedBeforeAnythingIsSent() {
    PlatformCommand command =
        new PlatformCommand(
            Kind.WHISPER, "call-1", "alice", Map.of("channel", AGENT + "\r\nAction: Hangup"), null);

    PlatformResult result = platform(server.port(), "s3cret").perform(command);

    assertFalse(result.started());
    assertTrue(server.received.isEmpty());
  }

  @Test
  void anUnknownSupervisorOrADownManagerIsAFailedResult() throws IOException {
    PlatformCommand stranger = new PlatformCommand(Kind.WHISPER, "call-1", "bob", CALL, null);
    assertFalse(platform(server.port(), "s3cret").perform(stranger).started());

    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    PlatformResult down = platform(closedPort, "s3cret").perform(command(Kind.WHISPER, null));
    assertFalse(down.started());
    assertTrue(down.detail().contains("cannot reach"), down.detail());
  }

  @Test
  void theSecretIsNotInTheSettingsText() {
    AmiSettings settings =
        new AmiSettings(
            "pbx",
            5038,
            "tw",
            "s3cret",
            SupervisorEndpoints.parse(IntegrationKey.SUPERVISOR_ENDPOINTS, ""),
            "c",
            Duration.ofSeconds(1));
    assertFalse(settings.toString().contains("s3cret"));
    assertEquals(List.of(), server.received);
  }
}
