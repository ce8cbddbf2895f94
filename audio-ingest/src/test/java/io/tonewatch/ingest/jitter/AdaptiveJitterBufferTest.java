package io.tonewatch.ingest.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewatch.ingest.metrics.PacketOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveJitterBufferTest {
  private static final long MS = 1_000_000L;

  /** Records playout as "a<first payload byte>" for audio and "c<samples>" for fills. */
  private final List<String> played = new ArrayList<>();

  private final PlayoutListener listener =
      new PlayoutListener() {
        @Override
        public void onAudio(int payloadType, byte[] buf, int offset, int length, int samples) {
          played.add("a" + buf[offset]);
        }

        @Override
        public void onConceal(int samples) {
          played.add("c" + samples);
        }
      };

  private final AdaptiveJitterBuffer buffer =
      new AdaptiveJitterBuffer(JitterSettings.DEFAULTS, listener);

  /** Offers 20 ms packet {@code seq} (timestamp 160 * seq) whose payload byte is the seq. */
  private PacketOutcome offer(long seq, long arrivalMs) {
    byte[] payload = {(byte) seq, 0, 0};
    return buffer.offer(seq, 160 * seq, 0, true, payload, 0, 3, 160, arrivalMs * MS);
  }

  @Test
  void inOrderPacketsArePlayedAtOnce() {
    for (int seq = 0; seq < 5; seq++) {
      assertEquals(PacketOutcome.ACCEPTED, offer(seq, 20 * seq));
      assertEquals(seq + 1, played.size());
      assertEquals(0, buffer.held());
    }
  }

  @Test
  void aGapHoldsLaterPacketsUntilTheMissingOneArrives() {
    offer(0, 0);
    offer(2, 40);
    offer(3, 60);
    assertEquals(List.of("a0"), played);
    assertEquals(2, buffer.held());
    offer(1, 65);
    assertEquals(List.of("a0", "a1", "a2", "a3"), played);
    assertEquals(0, buffer.lost());
  }

  @Test
  void aGapIsGivenUpOnceTheHeldPacketHasWaitedTheDelay() {
    offer(0, 0);
    offer(2, 40); // the delay is 20 ms: jitter 0 plus one 20 ms packet, at the minimum
    buffer.onTick(60 * MS);
    assertEquals(List.of("a0"), played);
    buffer.onTick(61 * MS);
    assertEquals(List.of("a0", "c160", "a2"), played);
    assertEquals(1, buffer.lost());
    assertEquals(PacketOutcome.LATE, offer(1, 70));
  }

  @Test
  void theDelayFollowsTheJitterWithinTheSettings() {
    offer(0, 0);
    buffer.adaptTo(0);
    assertEquals(20.0, buffer.currentDelayMillis(), 1e-9);
    buffer.adaptTo(10); // 4 x 10 ms + 20 ms
    assertEquals(60.0, buffer.currentDelayMillis(), 1e-9);
    buffer.adaptTo(100);
    assertEquals(200.0, buffer.currentDelayMillis(), 1e-9);
  }

  @Test
  void atMostMaxDelayOfPacketsIsHeld() {
    offer(0, 0);
    for (int seq = 2; seq <= 11; seq++) {
      offer(seq, 5); // a burst: none has waited long
    }
    assertEquals(10, buffer.held(), "200 ms of 20 ms packets");
    offer(12, 5);
    assertEquals(0, buffer.held(), "the 11th forces the gap out");
    assertEquals(1, buffer.lost());
    assertEquals(13, played.size());
  }

  @Test
  void duplicatesOfHeldAndPlayedPacketsAreDuplicates() {
    offer(0, 0);
    offer(2, 40);
    assertEquals(PacketOutcome.DUPLICATE, offer(0, 41));
    assertEquals(PacketOutcome.DUPLICATE, offer(2, 42));
    assertEquals(2, buffer.duplicates());
    assertEquals(List.of("a0"), played);
  }

  @Test
  void aFarFutureSequenceNumberForcesTheOldOutWithoutAFlood() {
    offer(0, 0);
    offer(5, 100);
    assertEquals(PacketOutcome.ACCEPTED, offer(2000, 120)); // 40 s of timestamps ahead
    assertEquals(List.of("a0", "c640", "a5", "a-48"), played, "a resync: nothing filled for 2000");
    assertEquals(4 + 1994, buffer.lost());
  }

  @Test
  void aLongTimestampGapIsFilledUpToTheBound() {
    offer(0, 0);
    byte[] payload = {9};
    buffer.offer(1, 160 + 3 * 8000, 0, true, payload, 0, 1, 160, 3020 * MS);
    assertEquals(List.of("a0", "c8000", "a9"), played, "1 s at most");
    assertEquals(160 + 8000 + 160, buffer.timelineSamples());
  }

  @Test
  void aTimestampStepBackIsPlayedWhereTheTimelineIs() {
    offer(0, 0);
    offer(1, 20);
    byte[] payload = {7};
    buffer.offer(2, 0, 0, true, payload, 0, 1, 160, 40 * MS); // timestamp restarts at 0
    offer(3, 60); // 480: the timeline moved to continue from 0
    assertEquals(List.of("a0", "a1", "a7", "c320", "a3"), played);
  }

  @Test
  void aRestartContinuesTheTimelineWithNoGap() {
    offer(0, 0);
    offer(2, 40);
    buffer.restartTimeline();
    assertEquals(List.of("a0", "c160", "a2"), played, "held packets flushed");
    byte[] payload = {42};
    buffer.offer(70_000, 123_456_789L, 0, true, payload, 0, 1, 160, 60 * MS);
    assertEquals("a42", played.get(3));
    assertEquals(4 * 160, buffer.timelineSamples());
  }

  @Test
  void tenMillisecondPacketsMayHoldTwentyPackets() {
    byte[] payload = {0};
    buffer.offer(0, 0, 0, true, payload, 0, 1, 80, 0);
    for (int seq = 2; seq <= 21; seq++) {
      buffer.offer(seq, 80L * seq, 0, true, payload, 0, 1, 80, 5 * MS);
    }
    assertEquals(20, buffer.held());
  }

  @Test
  void telephoneEventsTakeTheirSequenceNumberButNoTimeline() {
    offer(0, 0);
    byte[] event = {5, 10, 0, 1};
    buffer.offer(1, 160, 101, false, event, 0, 4, 0, 20 * MS);
    offer(2, 40);
    assertEquals(List.of("a0", "c160", "a2"), played);
    assertEquals(0, buffer.lost());
  }

  @Test
  void settingsAreValidatedWithTheFieldName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new JitterSettings(50, 20, 1000, 10000));
    assertEquals("maxDelayMillis must be 50 to 5000 ms, was 20", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new JitterSettings(-1, 20, 1000, 10000));
    assertThrows(IllegalArgumentException.class, () -> new JitterSettings(20, 200, 1000, 500));
    assertEquals(
        JitterSettings.DEFAULTS.resyncMillis(), JitterSettings.ofDelay(0, 100).resyncMillis());
  }
}
