package io.tonewatch.simulator.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewatch.events.Leg;
import io.tonewatch.media.codec.G711;
import io.tonewatch.simulator.LegIdentity;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtpPacketizerTest {

  @Test
  void writesTheRfc3550FixedHeaderByteForByte() {
    RtpPacketizer rtp = new RtpPacketizer(0, 0xCAFEBABE, 0x1234, 0x89ABCDEF, 160);
    byte[] payload = {1, 2, 3};

    byte[] first = rtp.next(payload);
    byte[] second = rtp.next(payload);

    // V=2 P=0 X=0 CC=0 | M=1 PT=0 | seq | timestamp | SSRC | payload
    assertArrayEquals(
        new byte[] {
          (byte) 0x80,
          (byte) 0x80,
          0x12,
          0x34,
          (byte) 0x89,
          (byte) 0xAB,
          (byte) 0xCD,
          (byte) 0xEF,
          (byte) 0xCA,
          (byte) 0xFE,
          (byte) 0xBA,
          (byte) 0xBE,
          1,
          2,
          3
        },
        first);
    // Marker only on the first packet; sequence +1, timestamp +160 (0x89ABCE8F).
    assertArrayEquals(
        new byte[] {
          (byte) 0x80,
          0x00,
          0x12,
          0x35,
          (byte) 0x89,
          (byte) 0xAB,
          (byte) 0xCE,
          (byte) 0x8F,
          (byte) 0xCA,
          (byte) 0xFE,
          (byte) 0xBA,
          (byte) 0xBE,
          1,
          2,
          3
        },
        second);
  }

  @Test
  void sequenceWrapsAt65536AndTimestampAt2To32() {
    RtpPacketizer rtp = new RtpPacketizer(8, 7, 65534, 0xFFFFFF60, 160);
    int[] sequences = new int[4];
    long[] timestamps = new long[4];
    for (int i = 0; i < 4; i++) {
      ByteBuffer packet = ByteBuffer.wrap(rtp.next(new byte[160]));
      assertEquals(8, packet.get(1) & 0x7F);
      sequences[i] = packet.getShort(2) & 0xFFFF;
      timestamps[i] = Integer.toUnsignedLong(packet.getInt(4));
    }
    assertArrayEquals(new int[] {65534, 65535, 0, 1}, sequences);
    assertArrayEquals(new long[] {0xFFFFFF60L, 0L, 160L, 320L}, timestamps);
  }

  @Test
  void timestampsAdvanceBySamplesPerPacketOverAWholeSeededRun() {
    LegIdentity id = LegIdentity.of(42, 3, Leg.AGENT, null);
    RtpPacketizer rtp =
        new RtpPacketizer(0, id.ssrc(), id.initialSequence(), id.initialTimestamp(), 160);
    for (int i = 0; i < 70_000; i++) {
      ByteBuffer packet = ByteBuffer.wrap(rtp.next(new byte[0]));
      assertEquals((id.initialSequence() + i) & 0xFFFF, packet.getShort(2) & 0xFFFF);
      assertEquals(id.initialTimestamp() + 160 * i, packet.getInt(4));
      assertEquals(id.ssrc(), packet.getInt(8));
    }
  }

  @Test
  void legIdentitiesAreReproducibleAndDifferBetweenLegs() {
    assertEquals(
        LegIdentity.of(1, 1, Leg.CUSTOMER, null), LegIdentity.of(1, 1, Leg.CUSTOMER, null));
    assertNotSame(LegIdentity.of(1, 1, Leg.CUSTOMER, null), LegIdentity.of(1, 1, Leg.AGENT, null));
    assertNotSame(
        LegIdentity.of(1, 1, Leg.CUSTOMER, null), LegIdentity.of(1, 2, Leg.CUSTOMER, null));
    assertEquals(65500, LegIdentity.of(1, 1, Leg.AGENT, 65500).initialSequence());
  }

  @Test
  void codecsEncodeAsG711AndBigEndianL16() {
    SplittableRandom random = new SplittableRandom(5);
    short[] samples = new short[160];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) random.nextInt(-32768, 32768);
    }
    byte[] ulaw = Codec.PCMU.encode(samples);
    byte[] alaw = Codec.PCMA.encode(samples);
    ByteBuffer l16 = ByteBuffer.wrap(Codec.L16.encode(samples));
    assertEquals(320, l16.capacity());
    for (int i = 0; i < samples.length; i++) {
      assertEquals(G711.linearToUlaw(samples[i]), ulaw[i]);
      assertEquals(G711.linearToAlaw(samples[i]), alaw[i]);
      assertEquals(samples[i], l16.getShort(2 * i));
    }
    assertEquals(0, Codec.PCMU.payloadType());
    assertEquals(8, Codec.PCMA.payloadType());
    assertEquals(96, Codec.L16.payloadType());
  }

  @Test
  void rejectsPayloadTypesOutsideSevenBits() {
    assertThrows(IllegalArgumentException.class, () -> new RtpPacketizer(128, 0, 0, 0, 160));
    assertThrows(IllegalArgumentException.class, () -> new RtpPacketizer(0, 0, 65536, 0, 160));
  }

  private static void assertNotSame(LegIdentity a, LegIdentity b) {
    if (a.ssrc() == b.ssrc() && a.initialSequence() == b.initialSequence()) {
      throw new AssertionError(a + " and " + b + " should differ");
    }
  }
}
