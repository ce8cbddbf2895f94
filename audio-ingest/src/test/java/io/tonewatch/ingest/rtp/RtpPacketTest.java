package io.tonewatch.ingest.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
  private final RtpPacket packet = new RtpPacket();

  private static byte[] payload(int n) {
    byte[] p = new byte[n];
    for (int i = 0; i < n; i++) {
      p[i] = (byte) (i + 1);
    }
    return p;
  }

  @Test
  void parsesEveryFieldOfAFullHeader() {
    byte[] buf =
        new RtpPacketBuilder()
            .payloadType(96)
            .marker(true)
            .sequence(65535)
            .timestamp(0xFFFF_FFF0L)
            .ssrc(0xDEAD_BEEFL)
            .csrcs(1, 2)
            .extension(new byte[8])
            .padding(3)
            .payload(payload(160))
            .build();
    byte[] shifted = new byte[buf.length + 7];
    System.arraycopy(buf, 0, shifted, 5, buf.length);

    assertTrue(packet.parse(shifted, 5, buf.length));
    assertEquals(2, packet.version());
    assertTrue(packet.padding());
    assertEquals(3, packet.paddingLength());
    assertTrue(packet.extension());
    assertTrue(packet.marker());
    assertEquals(2, packet.csrcCount());
    assertEquals(96, packet.payloadType());
    assertEquals(65535, packet.sequence());
    assertEquals(0xFFFF_FFF0L, packet.timestamp());
    assertEquals(0xDEAD_BEEFL, packet.ssrc());
    assertEquals(5 + 12 + 8 + 4 + 8, packet.payloadOffset());
    assertEquals(160, packet.payloadLength());
    assertEquals(1, shifted[packet.payloadOffset()]);
  }

  @Test
  void acceptsAnEmptyPayloadAndPaddingThatFillsThePayload() {
    assertTrue(packet.parse(new RtpPacketBuilder().build(), 0, 12));
    assertEquals(0, packet.payloadLength());
    byte[] allPadding = new RtpPacketBuilder().padding(4).build();
    assertTrue(packet.parse(allPadding, 0, allPadding.length));
    assertEquals(0, packet.payloadLength());
  }

  @Test
  void rejectsTruncatedHeadersOfEveryLength() {
    byte[] full = new RtpPacketBuilder().payload(payload(20)).build();
    for (int length = 0; length < 12; length++) {
      assertFalse(packet.parse(full, 0, length), "length " + length);
    }
  }

  @Test
  void rejectsVersionsOtherThanTwo() {
    for (int v : new int[] {0, 1, 3}) {
      byte[] buf = new RtpPacketBuilder().version(v).payload(payload(20)).build();
      assertFalse(packet.parse(buf, 0, buf.length), "version " + v);
    }
  }

  @Test
  void rejectsACsrcCountPastTheEnd() {
    byte[] buf = new RtpPacketBuilder().csrcs(1, 2, 3).build(); // 24 bytes, ok
    assertTrue(packet.parse(buf, 0, buf.length));
    assertFalse(packet.parse(buf, 0, buf.length - 1));
    buf[0] = (byte) (0x80 | 15); // claims 15 CSRCs = 72 bytes
    assertFalse(packet.parse(buf, 0, buf.length));
  }

  @Test
  void rejectsAnExtensionHeaderOrLengthPastTheEnd() {
    byte[] buf = new RtpPacketBuilder().extension(new byte[8]).build(); // 12 + 4 + 8
    assertTrue(packet.parse(buf, 0, buf.length));
    assertFalse(packet.parse(buf, 0, buf.length - 1), "extension data truncated");
    assertFalse(packet.parse(buf, 0, 14), "extension header truncated");
    buf[15] = 3; // 3 words, 12 bytes, only 8 present
    assertFalse(packet.parse(buf, 0, buf.length));
  }

  @Test
  void rejectsPaddingLongerThanThePayloadOrZero() {
    byte[] buf = new RtpPacketBuilder().padding(4).payload(payload(4)).build();
    assertTrue(packet.parse(buf, 0, buf.length));
    buf[buf.length - 1] = 9; // 9 > 8 bytes after the header
    assertFalse(packet.parse(buf, 0, buf.length));
    buf[buf.length - 1] = (byte) 255;
    assertFalse(packet.parse(buf, 0, buf.length));
    buf[buf.length - 1] = 0;
    assertFalse(packet.parse(buf, 0, buf.length), "padding count 0");
    byte[] bare = new RtpPacketBuilder().build();
    bare[0] |= 0x20; // P bit on a header-only packet: the count would be a header byte
    assertFalse(packet.parse(bare, 0, bare.length));
  }

  @Test
  void rejectsZeroLengthNullAndRangesOutsideTheArray() {
    byte[] buf = new RtpPacketBuilder().payload(payload(8)).build();
    assertFalse(packet.parse(buf, 0, 0));
    assertFalse(packet.parse(null, 0, 20));
    assertFalse(packet.parse(buf, -1, buf.length));
    assertFalse(packet.parse(buf, 1, buf.length));
    assertFalse(packet.parse(buf, 0, -5));
    assertFalse(packet.parse(buf, Integer.MAX_VALUE, buf.length));
  }

  @Test
  void rejectsA64KibDatagramButAcceptsTheLargestUdpPayload() {
    byte[] big = new byte[64 * 1024];
    byte[] header = new RtpPacketBuilder().build();
    System.arraycopy(header, 0, big, 0, header.length);
    assertFalse(packet.parse(big, 0, big.length));
    assertTrue(packet.parse(big, 0, RtpPacket.MAX_DATAGRAM_BYTES));
    assertEquals(RtpPacket.MAX_DATAGRAM_BYTES - 12, packet.payloadLength());
  }

  @Test
  void randomBytesNeverThrowAndParseOnlyWhenTheLengthsAreConsistent() {
    Random random = new Random(20260401L);
    byte[] buf = new byte[300];
    int parsed = 0;
    for (int i = 0; i < 200_000; i++) {
      random.nextBytes(buf);
      int length = random.nextInt(buf.length + 1);
      if (packet.parse(buf, 0, length)) {
        parsed++;
        assertEquals(2, packet.version());
        int header = 12 + 4 * packet.csrcCount();
        assertTrue(packet.payloadOffset() >= header);
        assertTrue(packet.payloadOffset() + packet.payloadLength() <= length);
      }
    }
    // Version 2 is 1 in 4 of random first bytes; the length checks reject many of those.
    assertTrue(parsed > 10_000 && parsed < 50_000, "parsed " + parsed);
  }

  @Test
  void detectsRtcpPacketTypes200To204Only() {
    byte[] rr = new byte[8];
    rr[0] = (byte) 0x80;
    for (int type = 0; type < 256; type++) {
      rr[1] = (byte) type;
      assertEquals(type >= 200 && type <= 204, RtcpDetector.isRtcp(rr, 0, 8), "type " + type);
    }
    rr[1] = (byte) 201;
    assertFalse(RtcpDetector.isRtcp(rr, 0, 7), "shorter than an empty RR");
    rr[0] = (byte) 0x40;
    assertFalse(RtcpDetector.isRtcp(rr, 0, 8), "version 1");
    assertFalse(RtcpDetector.isRtcp(Arrays.copyOf(rr, 4), 0, 8));
  }

  @Test
  void parsesATelephoneEvent() {
    TelephoneEvent event = new TelephoneEvent();
    byte[] payload = {11, (byte) (0x80 | 10), 0x03, 0x20};
    assertTrue(event.parse(payload, 0, 4));
    assertEquals(11, event.event()); // '#'
    assertTrue(event.end());
    assertEquals(10, event.volume());
    assertEquals(800, event.duration());
    payload[1] = 0x3F;
    assertTrue(event.parse(payload, 0, 4));
    assertFalse(event.end());
    assertEquals(63, event.volume());
    assertFalse(event.parse(payload, 0, 3));
  }
}
