package io.tonewatch.media.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class G711Test {

  @Test
  void ulawDecodeTableMatchesTheJdkForAll256Codes() throws IOException {
    short[] jdk = decodeWithJdk(AudioFormat.Encoding.ULAW);
    for (int code = 0; code < 256; code++) {
      assertEquals(jdk[code], G711.ulawToLinear((byte) code), "mu-law code " + code);
    }
  }

  @Test
  void alawDecodeTableMatchesTheJdkForAll256Codes() throws IOException {
    short[] jdk = decodeWithJdk(AudioFormat.Encoding.ALAW);
    for (int code = 0; code < 256; code++) {
      assertEquals(jdk[code], G711.alawToLinear((byte) code), "A-law code " + code);
    }
  }

  @Test
  void decodesKnownValues() {
    assertEquals(0, G711.ulawToLinear((byte) 0xFF));
    assertEquals(0, G711.ulawToLinear((byte) 0x7F));
    assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
    assertEquals(32124, G711.ulawToLinear((byte) 0x80));
    assertEquals(8, G711.alawToLinear((byte) 0xD5));
    assertEquals(-8, G711.alawToLinear((byte) 0x55));
    assertEquals(32256, G711.alawToLinear((byte) 0xAA));
    assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
  }

  @Test
  void ulawEncodeInvertsDecodeForEveryCodeExceptNegativeZero() {
    for (int code = 0; code < 256; code++) {
      byte encoded = G711.linearToUlaw(G711.ulawToLinear((byte) code));
      int expected = code == 0x7F ? 0xFF : code;
      assertEquals(expected, encoded & 0xFF, "mu-law code " + code);
    }
  }

  @Test
  void alawEncodeInvertsDecodeForEveryCode() {
    for (int code = 0; code < 256; code++) {
      byte encoded = G711.linearToAlaw(G711.alawToLinear((byte) code));
      assertEquals(code, encoded & 0xFF, "A-law code " + code);
    }
  }

  @Test
  void bothLawsEncodeMonotonicallyAcrossThe16BitRange() {
    Map<String, IntUnaryOperator> roundTrips =
        Map.of(
            "mu-law", s -> G711.ulawToLinear(G711.linearToUlaw((short) s)),
            "A-law", s -> G711.alawToLinear(G711.linearToAlaw((short) s)));
    roundTrips.forEach(
        (law, roundTrip) -> {
          int previous = Integer.MIN_VALUE;
          for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            int decoded = roundTrip.applyAsInt(sample);
            assertTrue(decoded >= previous, law + " not monotonic at " + sample);
            previous = decoded;
          }
        });
  }

  @Test
  void encodingKeepsEachSampleWithinItsQuantisationStep() {
    for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
      int ulaw = G711.ulawToLinear(G711.linearToUlaw((short) sample));
      int alaw = G711.alawToLinear(G711.linearToAlaw((short) sample));
      // The widest step is 1024 (mu-law) / 1024 (A-law) in the top segment; clipping adds a bit.
      int clippedU = Math.max(-32124, Math.min(32124, sample));
      int clippedA = Math.max(-32256, Math.min(32256, sample));
      assertTrue(Math.abs(ulaw - clippedU) <= 512 + 132, "mu-law error at " + sample);
      assertTrue(Math.abs(alaw - clippedA) <= 512, "A-law error at " + sample);
      assertEquals(Integer.signum(sample) >= 0, alaw > 0, "A-law sign at " + sample);
    }
  }

  @Test
  void bulkDecodeHonoursOffsetsAndCount() {
    byte[] in = {(byte) 0x00, (byte) 0xFF, (byte) 0x80, (byte) 0xD5, (byte) 0x55};
    short[] out = new short[6];
    G711.decodeUlaw(in, 1, out, 2, 2);
    assertArrayEquals(new short[] {0, 0, 0, 32124, 0, 0}, out);
    G711.decodeAlaw(in, 3, out, 0, 2);
    assertArrayEquals(new short[] {8, -8, 0, 32124, 0, 0}, out);
  }

  @Test
  void bulkDecodeRejectsRangesOutsideTheArrays() {
    byte[] in = new byte[4];
    short[] out = new short[4];
    assertThrows(IndexOutOfBoundsException.class, () -> G711.decodeUlaw(in, 2, out, 0, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> G711.decodeAlaw(in, 0, out, 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> G711.decodeAlaw(in, 0, out, 0, -1));
  }

  /** Converts all 256 codes with javax.sound.sampled's own G.711 codec. */
  private static short[] decodeWithJdk(AudioFormat.Encoding encoding) throws IOException {
    byte[] codes = new byte[256];
    for (int code = 0; code < 256; code++) {
      codes[code] = (byte) code;
    }
    AudioFormat source = new AudioFormat(encoding, 8000f, 8, 1, 1, 8000f, false);
    AudioFormat target =
        new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 8000f, 16, 1, 2, 8000f, false);
    try (AudioInputStream encoded =
            new AudioInputStream(new ByteArrayInputStream(codes), source, codes.length);
        AudioInputStream pcm = AudioSystem.getAudioInputStream(target, encoded)) {
      byte[] bytes = pcm.readAllBytes();
      assertEquals(512, bytes.length);
      short[] linear = new short[256];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(linear);
      return linear;
    }
  }
}
