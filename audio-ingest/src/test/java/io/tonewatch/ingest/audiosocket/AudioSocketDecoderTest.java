package io.tonewatch.ingest.audiosocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.ingest.metrics.IngestMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudioSocketDecoderTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AudioSocketDecoder decoder =
      new AudioSocketDecoder(new IngestMetrics(registry), 4096);
  private final List<AudioSocketFrame> frames = new ArrayList<>();

  @Test
  void decodesUuidAudioAndHangupFedOneByteAtATime() {
    UUID uuid = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    short[] pcm = {0, 1, -1, 32767, -32768, 258, -259, 12345};
    byte[] wire = new AudioSocketWire().uuid(uuid).slin(pcm, 0, pcm.length).hangup().bytes();

    for (int i = 0; i < wire.length; i++) {
      decoder.feed(wire, i, 1, frames::add);
    }

    assertEquals(3, frames.size());
    assertEquals(uuid, ((AudioSocketFrame.Id) frames.get(0)).uuid());
    assertArrayEquals(pcm, ((AudioSocketFrame.Audio) frames.get(1)).samples());
    assertInstanceOf(AudioSocketFrame.Hangup.class, frames.get(2));
    assertTrue(decoder.atBoundary());
    assertEquals(0, bad("malformed") + bad("oversized") + bad("unknown_payload"));
  }

  @Test
  void decodesTheSameFramesWhateverTheChunkBoundaries() {
    short[] pcm = new short[800];
    Random random = new Random(7);
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) random.nextInt();
    }
    AudioSocketWire wire = new AudioSocketWire().uuid(UUID.randomUUID());
    for (int at = 0; at < pcm.length; at += 160) {
      wire.slin(pcm, at, 160);
    }
    byte[] bytes = wire.bytes();
    int at = 0;
    while (at < bytes.length) {
      int n = Math.min(bytes.length - at, 1 + random.nextInt(700));
      decoder.feed(bytes, at, n, frames::add);
      at += n;
    }
    short[] got = new short[pcm.length];
    int filled = 0;
    for (AudioSocketFrame f : frames.subList(1, frames.size())) {
      short[] s = ((AudioSocketFrame.Audio) f).samples();
      System.arraycopy(s, 0, got, filled, s.length);
      filled += s.length;
    }
    assertArrayEquals(pcm, got);
  }

  @Test
  void countsBadLengthsAndUnknownTypesAndKeepsTheFraming() {
    byte[] wire =
        new AudioSocketWire()
            .message(AudioSocketDecoder.TYPE_UUID, new byte[15])
            .message(AudioSocketDecoder.TYPE_SLIN_8K, new byte[3])
            .message(AudioSocketDecoder.TYPE_DTMF, new byte[2])
            .message(AudioSocketDecoder.TYPE_HANGUP, new byte[1])
            .message(0x12, new byte[640])
            .message(AudioSocketDecoder.TYPE_DTMF, new byte[] {'7'})
            .bytes();

    decoder.feed(wire, 0, wire.length, frames::add);

    assertEquals(4, bad("malformed"));
    assertEquals(1, bad("unknown_payload"));
    assertEquals(List.of(new AudioSocketFrame.Dtmf('7')), frames);
  }

  @Test
  void skipsAPayloadOverTheLimitWithoutBufferingIt() {
    byte[] wire =
        new AudioSocketWire()
            .message(AudioSocketDecoder.TYPE_SLIN_8K, new byte[60_000])
            .message(AudioSocketDecoder.TYPE_ERROR, new byte[] {2})
            .bytes();

    decoder.feed(wire, 0, wire.length, frames::add);

    assertEquals(1, bad("oversized"));
    assertEquals(List.of(new AudioSocketFrame.Error(2)), frames);
  }

  @Test
  void givesUpOnAStreamThatIsNotAudioSocket() {
    byte[] garbage = new byte[3 * 1000];
    for (int i = 0; i < garbage.length; i += 3) {
      garbage[i] = (byte) 0x42; // an unknown type with an empty payload, over and over
    }

    decoder.feed(garbage, 0, garbage.length, frames::add);

    assertTrue(decoder.failed());
    assertEquals(AudioSocketDecoder.MAX_CONSECUTIVE_BAD, bad("unknown_payload"));
    assertTrue(frames.isEmpty());
  }

  @Test
  void aGoodMessageResetsTheRunOfBadOnes() {
    AudioSocketWire wire = new AudioSocketWire();
    for (int i = 0; i < 20; i++) {
      wire.message(0x42, new byte[0]).message(AudioSocketDecoder.TYPE_DTMF, new byte[] {'1'});
    }
    byte[] bytes = wire.bytes();

    decoder.feed(bytes, 0, bytes.length, frames::add);

    assertFalse(decoder.failed());
    assertEquals(20, frames.size());
  }

  private long bad(String outcome) {
    return (long)
        registry
            .get("tonewatch.ingest.packets")
            .tag("source", "audiosocket")
            .tag("outcome", outcome)
            .counter()
            .count();
  }
}
