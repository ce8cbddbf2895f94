package io.tonewatch.events.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tonewatch.events.Leg;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioMessageCodecRejectionTest {

  static final List<byte[]> VALID =
      List.of(
          AudioMessageCodec.encode(
              new AudioFrame(
                  "call-1", Leg.CUSTOMER, 7, 140, true, AudioMessageCodecTest.edgeSamples())),
          AudioMessageCodec.encode(
              new CallStarted(
                  "call-1",
                  Instant.ofEpochSecond(1_750_000_000L, 5),
                  EnumSet.allOf(Leg.class),
                  Map.of("agent", "ann", "queue", "billing"))),
          AudioMessageCodec.encode(
              new CallEnded("call-1", Instant.ofEpochSecond(1_750_000_300L), EndReason.HANGUP)),
          AudioMessageCodec.encode(AudioMessageCodecTest.batch("call-1", Leg.AGENT, 9, 3)));

  static String rejection(byte[] bytes) {
    return assertThrows(AudioCodecException.class, () -> AudioMessageCodec.decode(bytes))
        .getMessage();
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  @Test
  void rejectsEveryTruncationOfEveryMessageType() {
    for (byte[] valid : VALID) {
      for (int length = 0; length < valid.length; length++) {
        rejection(Arrays.copyOf(valid, length));
      }
    }
    assertTrue(rejection(Arrays.copyOf(VALID.get(0), 100)).startsWith("truncated: samples"));
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] longer = Arrays.copyOf(VALID.get(2), VALID.get(2).length + 1);
    assertEquals("1 trailing bytes after the message at byte 24", rejection(longer));
  }

  @Test
  void namesWhatIsWrongInTheHeader() {
    assertEquals("no bytes (null value)", rejection(null));
    assertEquals("not an audio message: bad magic at byte 0", rejection(hex("7b22")));
    assertEquals("unsupported format version 2 at byte 2", rejection(hex("54570201")));
    assertEquals("unknown message type 9 at byte 3", rejection(hex("545701090163")));
    assertEquals("empty call id at byte 4", rejection(hex("5457010100")));
    assertEquals(
        "call id is not valid UTF-8 at byte 5", rejection(hex("54570101 02c328".replace(" ", ""))));
    assertTrue(
        rejection(hex("545701030120" + "0000000000000000" + "00000000" + "01"))
            .startsWith("invalid message: callId must not be blank"));
  }

  @Test
  void namesWhatIsWrongInTheBody() {
    String frame = "5457010101" + "63";
    assertEquals("unknown leg code 3 at byte 6", rejection(hex(frame + "03")));
    assertEquals(
        "negative sequence -1 at byte 7", rejection(hex(frame + "01" + "ffffffffffffffff")));
    String times = "01" + "0000000000000001" + "0000000000000014";
    assertEquals("unknown encoding 3 at byte 23", rejection(hex(frame + times + "03")));
    assertEquals("unknown flags 0x2 at byte 24", rejection(hex(frame + times + "0102")));
    assertEquals(
        "sample count 159 (expected 160) at byte 25", rejection(hex(frame + times + "0100009f")));
    String ended = "5457010301" + "63" + "0000000000000000";
    assertEquals(
        "endedAt nanoseconds out of range at byte 14", rejection(hex(ended + "3b9aca00" + "01")));
    assertEquals("unknown end reason 4 at byte 18", rejection(hex(ended + "00000000" + "04")));
    String started = "5457010201" + "63" + "0000000000000000" + "00000000";
    assertEquals("unknown leg bits 0x4 at byte 18", rejection(hex(started + "04")));
    assertEquals("65 metadata entries, at most 64 at byte 19", rejection(hex(started + "0041")));
    assertEquals("empty metadata key at byte 20", rejection(hex(started + "000100")));
    assertEquals(
        "metadata value of 1025 bytes, at most 1024 at byte 22",
        rejection(hex(started + "0001" + "016b" + "0401")));
    assertEquals(
        "duplicate metadata key 'k' at byte 24",
        rejection(hex(started + "0002" + "016b" + "0000" + "016b" + "0000")));
  }

  @Test
  void namesWhatIsWrongInAFrameBatch() {
    String batch = "5457010401" + "63" + "01" + "0000000000000001" + "0000000000000014" + "01";
    assertEquals("frame count 0 (1 to 50) at byte 24", rejection(hex(batch + "00")));
    assertEquals("frame count 51 (1 to 50) at byte 24", rejection(hex(batch + "33")));
    assertEquals("unknown flags 0x4 at byte 25", rejection(hex(batch + "02" + "04")));
    String pcm = "0000".repeat(AudioFrame.SAMPLES);
    assertEquals(
        "capture offset 19 ms goes back at byte 349",
        rejection(hex(batch + "02" + "00" + "0014" + pcm + "00" + "0013" + pcm)));
    String late = "5457010401" + "63" + "01" + "7ffffffffffffffe" + "0000000000000000" + "01";
    assertEquals(
        "sequence or mediaTimeMs too large for 2 frames at byte 24", rejection(hex(late + "02")));
  }

  /** Fixed-seed corruption of valid messages: decode either succeeds or says why, nothing else. */
  @Test
  void randomCorruptionIsRejectedWithTheCodecExceptionOrDecodes() {
    Random random = new Random(20_240_613L);
    int rejected = 0;
    int decoded = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = VALID.get(round % VALID.size()).clone();
      if (round % 10 == 0) {
        bytes = new byte[1 + random.nextInt(700)];
        random.nextBytes(bytes);
        bytes[0] = AudioMessageCodec.MAGIC_0;
        if (bytes.length > 3) {
          bytes[1] = AudioMessageCodec.MAGIC_1;
          bytes[2] = 1;
        }
      } else {
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
          bytes[random.nextInt(Math.min(bytes.length, 48))] = (byte) random.nextInt(256);
        }
      }
      try {
        AudioMessageCodec.decode(bytes);
        decoded++;
      } catch (AudioCodecException expected) {
        rejected++;
      } catch (RuntimeException e) {
        fail("round " + round + " threw " + e + " for " + HexFormat.of().formatHex(bytes), e);
      }
    }
    assertTrue(rejected > 10_000, "rejected " + rejected);
    assertTrue(decoded > 100, "decoded " + decoded + ": corruption of sample bytes is valid audio");
  }
}
