package io.tonewatch.ingest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile datagrams for one live leg, generated from a seed: truncated headers, wrong versions, a
 * CSRC count past the end, padding longer than the packet, an extension past the end (RFC 3550
 * section 5.1 and 5.3.1), unknown payload types, zero-length and 64 KiB datagrams, then random
 * bytes. All but the random ones have one outcome each, known in advance.
 */
record MalformedCorpus(
    List<byte[]> datagrams, int malformed, int unknownPayload, int oversized, int random) {

  static MalformedCorpus generate(Random random, long ssrc) {
    List<byte[]> out = new ArrayList<>();
    byte[] good = RtpSender.packet(0, 5000, 160_000, ssrc, new byte[160]);
    int malformed = 0;
    for (int length = 1; length < 12; length++) { // truncated fixed header
      out.add(java.util.Arrays.copyOf(good, length));
      malformed++;
    }
    for (int version : new int[] {0, 1, 3, 0, 1, 3}) { // only version 2 is RTP
      byte[] p = good.clone();
      p[0] = (byte) ((version << 6) | (p[0] & 0x3F));
      out.add(p);
      malformed++;
    }
    for (int csrcs = 0; csrcs < 5; csrcs++) { // CC = 15 needs 60 bytes of CSRCs
      byte[] p = new byte[12 + 4 * csrcs];
      System.arraycopy(good, 0, p, 0, 12);
      p[0] = (byte) 0x8F;
      out.add(p);
      malformed++;
    }
    for (int i = 0; i < 5; i++) { // padding count longer than the payload
      byte[] p = good.clone();
      p[0] |= 0x20;
      p[p.length - 1] = (byte) (161 + 10 * i);
      out.add(p);
      malformed++;
    }
    for (int i = 0; i < 3; i++) { // header extension of 100 words in a 40-byte packet
      byte[] p = new byte[40];
      System.arraycopy(good, 0, p, 0, 12);
      p[0] |= 0x10;
      ByteBuffer.wrap(p, 12, 4).putShort((short) 0xBEDE).putShort((short) 100);
      out.add(p);
      malformed++;
    }
    int unknown = 0;
    for (int pt : new int[] {50, 35, 123, 90, 50, 35}) {
      out.add(RtpSender.packet(pt, 5000 + unknown, 160_000, ssrc, new byte[160]));
      unknown++;
    }
    for (int i = 0; i < 3; i++) {
      out.add(new byte[0]);
      malformed++;
    }
    int oversized = 2;
    for (int i = 0; i < oversized; i++) {
      byte[] p = new byte[65_507]; // the largest UDP payload over IPv4
      System.arraycopy(good, 0, p, 0, 12);
      out.add(p);
    }
    int randomCount = 40;
    for (int i = 0; i < randomCount; i++) {
      byte[] p = new byte[1 + random.nextInt(1400)];
      random.nextBytes(p);
      out.add(p);
    }
    return new MalformedCorpus(List.copyOf(out), malformed, unknown, oversized, randomCount);
  }

  /** Datagrams whose outcome is counted as soon as they arrive. */
  int deterministicCount() {
    return malformed + unknownPayload + oversized;
  }
}
