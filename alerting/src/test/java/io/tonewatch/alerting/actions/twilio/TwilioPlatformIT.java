package io.tonewatch.alerting.actions.twilio;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Twilio adapter against a local HTTP server standing in for the REST API. */
class TwilioPlatformIT {
  private static final String ACCOUNT = "AC00000000000000000000000000000001";
  private static final String CONFERENCE = "CF00000000000000000000000000000002";
  private static final String AGENT_CALL = "CA00000000000000000000000000000003";
  private static final String CUSTOMER_CALL = "CA00000000000000000000000000000004";
  private static final Map<String, String> CALL =
      Map.of(
          "conferenceSid",
          CONFERENCE,
          "agentCallSid",
          AGENT_CALL,
          "customerCallSid",
          CUSTOMER_CALL);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TwilioTestServer server;
  private TwilioPlatform platform;

  @BeforeEach
  void start() throws Exception {
    server = new TwilioTestServer();
    platform =
        new TwilioPlatform(
            new TwilioSettings(
                server.baseUrl(),
                ACCOUNT,
                "token-xyz",
                "+15005550006",
                SupervisorEndpoints.parse(
                    IntegrationKey.SUPERVISOR_ENDPOINTS, "alice=client:alice"),
                Duration.ofSeconds(30)),
            new AdapterMetrics(registry));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static PlatformCommand command(Kind kind, String target) {
    return new PlatformCommand(kind, "call-1", "alice", CALL, target);
  }

  @Test
  void whisperAddsTheSupervisorAsACoachingParticipantWithBasicAuth() {
    PlatformResult result = platform.perform(command(Kind.WHISPER, null));

    assertTrue(result.started(), result.detail());
    TwilioTestServer.Request request = server.requests.get(0);
    assertEquals("POST", request.method());
    assertEquals(
        "/2010-04-01/Accounts/" + ACCOUNT + "/Conferences/" + CONFERENCE + "/Participants.json",
        request.path());
    String basic =
        Base64.getEncoder()
            .encodeToString((ACCOUNT + ":token-xyz").getBytes(StandardCharsets.UTF_8));
    assertEquals("Basic " + basic, request.authorization());
    assertEquals("application/x-www-form-urlencoded", request.contentType());
    assertEquals(
        Map.of(
            "From", "+15005550006",
            "To", "client:alice",
            "Coaching", "true",
            "CallSidToCoach", AGENT_CALL),
        request.form());
  }

  @Test
  void bargeAfterWhisperTurnsCoachingOffOnTheSupervisorsParticipant() {
    platform.perform(command(Kind.WHISPER, null));

    PlatformResult result = platform.perform(command(Kind.BARGE, null));

    assertTrue(result.started(), result.detail());
    TwilioTestServer.Request request = server.requests.get(1);
    assertEquals(
        "/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Conferences/"
            + CONFERENCE
            + "/Participants/CAsupervisor0000000000000000000001.json",
        request.path());
    assertEquals(Map.of("Coaching", "false"), request.form());
  }

  @Test
  void bargeWithoutAWhisperAddsTheSupervisorUncoached() {
    assertTrue(platform.perform(command(Kind.BARGE, null)).started());

    assertEquals(
        Map.of("From", "+15005550006", "To", "client:alice"), server.requests.get(0).form());
  }

  @Test
  void aTransferUpdatesTheCustomersCallWithTwimlOrAUrl() {
    assertTrue(platform.perform(command(Kind.TRANSFER, "+15005550009")).started());
    assertTrue(platform.perform(command(Kind.TRANSFER, "https://example.org/queue.xml")).started());

    String calls = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + CUSTOMER_CALL + ".json";
    assertEquals(calls, server.requests.get(0).path());
    assertEquals(
        Map.of("Twiml", "<Response><Dial>+15005550009</Dial></Response>"),
        server.requests.get(0).form());
    assertEquals(Map.of("Url", "https://example.org/queue.xml"), server.requests.get(1).form());
  }

  @Test
  void twiliosErrorJsonIsReportedAsAFailedResult() {
    server.failWith(404);

    PlatformResult result = platform.perform(command(Kind.WHISPER, null));

    assertFalse(result.started());
    assertTrue(result.detail().contains("404"), result.detail());
    assertTrue(result.detail().contains("code 20404"), result.detail());
    assertFalse(result.detail().contains("token-xyz"));
  }

  @Test
  void aConferenceSidThatCouldChangeThePathIsRefusedBeforeAnyRequest() {
    PlatformCommand command =
        new PlatformCommand(
            Kind.WHISPER,
            "c",
            "alice",
            Map.of("conferenceSid", "CF1/../../Calls/CA9", "agentCallSid", AGENT_CALL),
            null);

    assertFalse(platform.perform(command).started());
    assertTrue(server.requests.isEmpty());
  }
}
