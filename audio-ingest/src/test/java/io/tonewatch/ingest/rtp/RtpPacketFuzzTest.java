package io.tonewatch.ingest.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the RTP parse path: {@link RtpPacket#parse} (RFC 3550 §5.1), the RTCP
 * test and the RFC 4733 event parser, on any datagram. Nothing may throw; a packet that parses has
 * version 2 and headers, payload and padding that add up to the datagram; parsing at an offset in a
 * larger buffer gives the same answer. Seeds and kept crashes: {@code
 * RtpPacketFuzzTestInputs/parsesAnyDatagramWithoutThrowing/}.
 */
class RtpPacketFuzzTest {
  private final RtpPacket packet = new RtpPacket();
  private final RtpPacket shifted = new RtpPacket();
  private final TelephoneEvent event = new TelephoneEvent();

  @FuzzTest(maxDuration = "20s")
  void parsesAnyDatagramWithoutThrowing(byte[] datagram) {
    boolean ok = packet.parse(datagram, 0, datagram.length);
    byte[] padded = new byte[datagram.length + 7];
    System.arraycopy(datagram, 0, padded, 3, datagram.length);
    assertEquals(ok, shifted.parse(padded, 3, datagram.length));
    RtcpDetector.isRtcp(datagram, 0, datagram.length);
    if (!ok) {
      return;
    }
    assertEquals(2, packet.version());
    int header = RtpPacket.FIXED_HEADER_BYTES + 4 * packet.csrcCount();
    assertTrue(packet.payloadOffset() >= header + (packet.extension() ? 4 : 0));
    assertTrue(packet.payloadLength() >= 0);
    assertEquals(
        datagram.length, packet.payloadOffset() + packet.payloadLength() + packet.paddingLength());
    assertEquals(packet.payloadOffset() + 3, shifted.payloadOffset());
    assertEquals(packet.payloadLength(), shifted.payloadLength());
    event.parse(datagram, packet.payloadOffset(), packet.payloadLength());
  }
}
