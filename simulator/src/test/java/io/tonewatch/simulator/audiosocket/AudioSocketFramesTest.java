package io.tonewatch.simulator.audiosocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudioSocketFramesTest {

  @Test
  void uuidFrameIsKindOneLengthSixteenThenTheUuidBigEndian() {
    UUID id = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    assertArrayEquals(
        new byte[] {
          0x01,
          0x00,
          0x10,
          0x00,
          0x11,
          0x22,
          0x33,
          0x44,
          0x55,
          0x66,
          0x77,
          (byte) 0x88,
          (byte) 0x99,
          (byte) 0xAA,
          (byte) 0xBB,
          (byte) 0xCC,
          (byte) 0xDD,
          (byte) 0xEE,
          (byte) 0xFF
        },
        AudioSocketFrames.uuid(id));
  }

  @Test
  void audioFrameCarries320BytesOfLittleEndianSlinPer20Ms() {
    short[] samples = new short[160];
    samples[0] = 0x1234;
    samples[1] = -2; // 0xFFFE
    samples[159] = Short.MIN_VALUE;
    byte[] frame = AudioSocketFrames.audio(samples);
    assertEquals(3 + 320, frame.length);
    assertEquals(0x10, frame[0]);
    assertEquals(0x01, frame[1]); // 320 = 0x0140, big-endian
    assertEquals(0x40, frame[2]);
    assertEquals(0x34, frame[3]);
    assertEquals(0x12, frame[4]);
    assertEquals((byte) 0xFE, frame[5]);
    assertEquals((byte) 0xFF, frame[6]);
    assertEquals(0x00, frame[3 + 318]);
    assertEquals((byte) 0x80, frame[3 + 319]);
  }

  @Test
  void hangupIsKindZeroWithNoPayload() {
    assertArrayEquals(new byte[] {0, 0, 0}, AudioSocketFrames.hangup());
  }

  @Test
  void sameCallAndSeedGiveTheSameUuidOthersDiffer() {
    UUID a = AudioSocketCallTransport.uuidOf(1, "sim-1");
    assertEquals(a, AudioSocketCallTransport.uuidOf(1, "sim-1"));
    assertEquals(3, a.version());
    assertEquals(false, a.equals(AudioSocketCallTransport.uuidOf(1, "sim-2")));
    assertEquals(false, a.equals(AudioSocketCallTransport.uuidOf(2, "sim-1")));
  }
}
