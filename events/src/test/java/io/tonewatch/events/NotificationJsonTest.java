package io.tonewatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The v1 wire form of notifications is fixed by a golden file. */
class NotificationJsonTest {

  static Notification notification() {
    return Notification.of(
        "call-7:raised_voice:customer:1",
        "call-7",
        LadderStep.WHISPER_SUGGESTED,
        2,
        Instant.parse("2026-03-01T09:16:00Z"),
        "customer: pitch +9 semitones, voice effort up, 14 s. Whisper to the agent?");
  }

  @Test
  void encodesToTheGoldenJson() {
    assertEquals(Golden.json("notification-v1.json"), NotificationJson.toJson(notification()));
  }

  @Test
  void theGoldenJsonDecodesToTheSameNotification() {
    assertEquals(notification(), NotificationJson.fromJson(Golden.json("notification-v1.json")));
  }

  @Test
  void theIdNamesAlertStepAndAttempt() {
    assertEquals(
        "call-7:raised_voice:customer:1:whisper_suggested:2", notification().notificationId());
  }

  @Test
  void refusesARecipientTheStepIsNotForAndAnIdThatDoesNotMatch() {
    String golden = Golden.json("notification-v1.json");
    assertThrows(
        IllegalArgumentException.class,
        () -> NotificationJson.fromJson(golden.replace("\"supervisor\"", "\"agent\"")));
    assertThrows(
        IllegalArgumentException.class,
        () -> NotificationJson.fromJson(golden.replace("\"attempt\":2", "\"attempt\":3")));
  }
}
