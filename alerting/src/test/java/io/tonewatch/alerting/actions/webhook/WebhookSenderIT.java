package io.tonewatch.alerting.actions.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.alerting.actions.PlatformCommand;
import io.tonewatch.alerting.actions.PlatformResult;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import io.tonewatch.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sender against a receiver on 127.0.0.1 that verifies every signature itself. */
class WebhookSenderIT {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private WebhookReceiver receiver;
  private WebhookSender sender;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver("shared-secret");
    sender = sender("shared-secret");
  }

  private WebhookSender sender(String secret) {
    return new WebhookSender(
        new WebhookSettings(
            receiver.url(),
            secret.getBytes(StandardCharsets.UTF_8),
            3,
            Duration.ofMillis(10),
            Duration.ofMillis(40),
            100,
            10,
            Duration.ofSeconds(30)),
        new AdapterMetrics(registry),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    sender.close();
    receiver.close();
  }

  private static boolean await(java.util.concurrent.CompletableFuture<Boolean> f) throws Exception {
    return f.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  private double counter(String name) {
    return registry.get("tonewatch.alerting.adapter." + name).counter().count();
  }

  @Test
  void theReceiverVerifiesTheSignatureAndGetsTheEnvelope() throws Exception {
    assertTrue(await(sender.submit("incident.report", Map.of("callId", "c1"))));

    WebhookReceiver.Received got = receiver.received.get(0);
    assertTrue(got.verified());
    assertEquals("incident.report", got.eventType());
    assertTrue(got.body().contains("\"type\":\"incident.report\""), got.body());
    assertTrue(got.body().contains("\"payload\":{\"callId\":\"c1\"}"), got.body());
    assertTrue(got.body().contains("\"id\":\"" + got.idempotencyKey() + "\""), got.body());
  }

  @Test
  void aWrongSecretFailsVerificationAndIsNotRetried() throws Exception {
    sender.close();
    sender = sender("other-secret");

    assertFalse(await(sender.submit("notification", Map.of())));

    assertEquals(1, receiver.received.size());
    assertFalse(receiver.received.get(0).verified());
    assertEquals(1, sender.deadLetters().list().size());
    assertTrue(sender.deadLetters().list().get(0).reason().contains("401"));
  }

  @Test
  void a500IsRetriedWithTheSameIdempotencyKeyUntilAccepted() throws Exception {
    receiver.answer(500, 503);

    assertTrue(await(sender.submit("notification", Map.of("n", 1))));

    assertEquals(3, receiver.received.size());
    String key = receiver.received.get(0).idempotencyKey();
    assertEquals(3, receiver.count(key));
    assertTrue(receiver.received.stream().allMatch(WebhookReceiver.Received::verified));
    assertEquals(2.0, counter("webhook.retries"));
  }

  @Test
  void nothingIsSentTwiceAfterA2xx() throws Exception {
    assertTrue(await(sender.submit("notification", Map.of("n", 1))));
    // A later webhook arriving shows the sender moved on; the first must still have one request.
    assertTrue(await(sender.submit("notification", Map.of("n", 2))));

    List<String> keys =
        receiver.received.stream().map(WebhookReceiver.Received::idempotencyKey).toList();
    assertEquals(2, keys.size());
    assertEquals(2, keys.stream().distinct().count());
    assertEquals(0.0, counter("webhook.retries"));
  }

  @Test
  void aWebhookFailingEveryTryIsDeadLetteredAfterMaxAttempts() throws Exception {
    receiver.answer(500, 500, 500, 500);

    assertFalse(await(sender.submit("notification", Map.of("n", 1))));

    assertEquals(3, receiver.received.size());
    DeadLetters.DeadLetter letter = sender.deadLetters().list().get(0);
    assertEquals(3, letter.attempts());
    assertEquals("HTTP 500", letter.reason());
    assertEquals(receiver.received.get(0).idempotencyKey(), letter.id());
    assertEquals(1.0, counter("webhook.dead.letters"));
  }

  @Test
  void thePlatformActionStartsWhenTheReceiverAccepts() {
    WebhookPlatform platform =
        new WebhookPlatform(sender, new AdapterMetrics(registry), Await.PATIENCE);
    PlatformResult result =
        platform.perform(
            new PlatformCommand(
                PlatformCommand.Kind.WHISPER, "c7", "alice", Map.of("channel", "X"), null));

    assertTrue(result.started(), result.detail());
    assertEquals("platform.whisper", receiver.received.get(0).eventType());
    assertTrue(receiver.received.get(0).body().contains("\"callId\":\"c7\""));
  }
}
