package io.tonewatch.ingest.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.jitter.JitterSettings;
import io.tonewatch.ingest.leg.RtpStreamReceiver;
import io.tonewatch.ingest.leg.StreamLayout;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.sink.FrameSink;
import java.util.EnumMap;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the RTP path: {@link RtpPacket#parse} (RFC 3550 §5.1), the RTCP test
 * and the RFC 4733 event parser on any datagram, then the whole receiver on a stream made of it.
 * Nothing may throw; a packet that parses has version 2 and headers, payload and padding that add
 * up to the datagram; parsing at an offset in a larger buffer gives the same answer. And as an
 * oracle a broken parser fails: the input's bytes also make a well-formed packet field by field
 * ({@link RtpPacketBuilder}: CSRCs, extension, padding, payload all taken from the input), which
 * must parse and give back every field. Seeds and kept crashes: {@code
 * RtpPacketFuzzTestInputs/parsesAnyDatagramWithoutThrowing/}.
 */
class RtpPacketFuzzTest {
  private static final int STREAM_PACKETS = 12;
  private static final IngestMetrics METRICS = new IngestMetrics(new SimpleMeterRegistry());

  private final RtpPacket packet = new RtpPacket();
  private final RtpPacket shifted = new RtpPacket();
  private final TelephoneEvent event = new TelephoneEvent();

  @FuzzTest(maxDuration = "20s")
  void parsesAnyDatagramWithoutThrowing(byte[] datagram) {
    parsesTheWellFormedPacketMadeFrom(datagram);
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
    receiveAsAStream(datagram);
  }

  /**
   * Builds a valid packet from the input: fixed-header fields from its first 12 bytes (version
   * forced to 2), CSRC count, extension and padding flags from byte 0, their lengths from the last
   * byte, the rest as payload; parsing it must give each of them back.
   */
  private void parsesTheWellFormedPacketMadeFrom(byte[] input) {
    if (input.length < RtpPacket.FIXED_HEADER_BYTES + 1) {
      return;
    }
    int b0 = input[0] & 0xFF;
    int lengths = input[input.length - 1] & 0xFF;
    long[] csrcs = new long[b0 & 0x0F];
    for (int i = 0; i < csrcs.length; i++) {
      csrcs[i] = RtpPacket.readU32(input, 4 + (i % 2) * 4) ^ i;
    }
    byte[] extension = (b0 & 0x10) == 0 ? null : new byte[4 * (lengths & 0x07)];
    int padding = (b0 & 0x20) == 0 ? 0 : 1 + (lengths >>> 3);
    byte[] payload = java.util.Arrays.copyOfRange(input, 12, input.length - 1);
    long ssrc = RtpPacket.readU32(input, 8);
    RtpPacketBuilder builder =
        new RtpPacketBuilder()
            .payloadType(input[1] & 0x7F)
            .marker((input[1] & 0x80) != 0)
            .sequence(RtpPacket.readU16(input, 2))
            .timestamp(RtpPacket.readU32(input, 4))
            .ssrc(ssrc)
            .csrcs(csrcs)
            .padding(padding)
            .payload(payload);
    if (extension != null) {
      builder.extension(extension);
    }
    byte[] built = builder.build();
    assertTrue(packet.parse(built, 0, built.length), "a well-formed packet parses");
    assertEquals(2, packet.version());
    assertEquals(input[1] & 0x7F, packet.payloadType());
    assertEquals((input[1] & 0x80) != 0, packet.marker());
    assertEquals(RtpPacket.readU16(input, 2), packet.sequence());
    assertEquals(RtpPacket.readU32(input, 4), packet.timestamp());
    assertEquals(ssrc, packet.ssrc());
    assertEquals(csrcs.length, packet.csrcCount());
    assertEquals(extension != null, packet.extension());
    assertEquals(padding, packet.paddingLength());
    assertEquals(payload.length, packet.payloadLength());
    int headerBytes =
        RtpPacket.FIXED_HEADER_BYTES
            + 4 * csrcs.length
            + (extension == null ? 0 : 4 + extension.length);
    assertEquals(headerBytes, packet.payloadOffset());
  }

  /**
   * The whole receive path: the datagram as a stream of {@link #STREAM_PACKETS} copies, each with
   * the next sequence number and a timestamp 160 later, one of them lost, arriving 20 ms apart,
   * through an {@link RtpStreamReceiver} with a recording sink. Frames must come out numbered 0, 1,
   * 2... per leg.
   */
  private static void receiveAsAStream(byte[] datagram) {
    if (datagram.length < RtpPacket.FIXED_HEADER_BYTES) {
      return;
    }
    Map<Leg, Long> nextSequence = new EnumMap<>(Leg.class);
    FrameSink sink =
        message -> {
          if (message instanceof AudioFrame f) {
            long expected = nextSequence.getOrDefault(f.leg(), 0L);
            assertEquals(expected, f.sequence(), "frame numbering of " + f.leg());
            nextSequence.put(f.leg(), expected + 1);
          }
        };
    RtpStreamReceiver receiver =
        new RtpStreamReceiver(
            "fuzz",
            StreamLayout.mono(Leg.CUSTOMER),
            PayloadMap.defaults(),
            JitterSettings.DEFAULTS,
            sink,
            METRICS);
    int lost = datagram[datagram.length - 1] & 0x0F;
    byte[] copy = datagram.clone();
    long nowNanos = 1_000_000_000L;
    for (int i = 0; i < STREAM_PACKETS; i++) {
      if (i != lost) {
        receiver.onDatagram(copy, 0, copy.length, nowNanos);
      }
      receiver.onTick(nowNanos);
      advance(copy);
      nowNanos += 20_000_000L;
    }
    receiver.onTick(nowNanos + 2_000_000_000L);
    receiver.finish();
  }

  /** Next sequence number (bytes 2-3) and timestamp + 160 (bytes 4-7), both wrapping. */
  private static void advance(byte[] p) {
    int seq = (RtpPacket.readU16(p, 2) + 1) & 0xFFFF;
    p[2] = (byte) (seq >>> 8);
    p[3] = (byte) seq;
    long ts = (RtpPacket.readU32(p, 4) + 160) & 0xFFFF_FFFFL;
    for (int i = 0; i < 4; i++) {
      p[4 + i] = (byte) (ts >>> (24 - 8 * i));
    }
  }
}
