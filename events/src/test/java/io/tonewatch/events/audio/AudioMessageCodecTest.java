package io.tonewatch.events.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.Leg;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudioMessageCodecTest {

  static final String LONGEST_CALL_ID = "é".repeat(127) + "x"; // 255 bytes of UTF-8

  static short[] edgeSamples() {
    short[] samples = new short[AudioFrame.SAMPLES];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (i * 409 - 32768);
    }
    samples[0] = Short.MIN_VALUE;
    samples[1] = Short.MAX_VALUE;
    samples[2] = -1;
    samples[3] = 0;
    samples[4] = -256;
    return samples;
  }

  /** {@code count} frames of one leg from {@code sequence}, captured 20 ms apart. */
  static FrameBatch batch(String callId, Leg leg, long sequence, int count) {
    List<AudioFrame> frames = new ArrayList<>();
    int[] captureOffsetsMs = new int[count];
    for (int i = 0; i < count; i++) {
      long mediaTimeMs = (sequence + i) * AudioFrame.FRAME_MILLIS;
      frames.add(new AudioFrame(callId, leg, sequence + i, mediaTimeMs, i % 2 == 1, edgeSamples()));
      captureOffsetsMs[i] = i * AudioFrame.FRAME_MILLIS;
    }
    return new FrameBatch(frames, captureOffsetsMs);
  }

  static AudioFrame decodeFrame(byte[] bytes) {
    return assertInstanceOf(AudioFrame.class, AudioMessageCodec.decode(bytes));
  }

  @Test
  void roundTripsAFrameWithTheLongestCallIdAndExtremeSamples() {
    assertEquals(255, LONGEST_CALL_ID.getBytes(StandardCharsets.UTF_8).length);
    AudioFrame frame =
        new AudioFrame(LONGEST_CALL_ID, Leg.AGENT, Long.MAX_VALUE, 1L << 40, true, edgeSamples());
    byte[] bytes = AudioMessageCodec.encode(frame);
    assertEquals(346 + 255, bytes.length);
    AudioFrame decoded = decodeFrame(bytes);
    assertEquals(LONGEST_CALL_ID, decoded.callId());
    assertEquals(Leg.AGENT, decoded.leg());
    assertEquals(Long.MAX_VALUE, decoded.sequence());
    assertEquals(1L << 40, decoded.mediaTimeMs());
    assertTrue(decoded.concealed());
    assertArrayEquals(edgeSamples(), decoded.samples());
  }

  @Test
  void roundTripsAnUnconcealedCustomerFrameAtSequenceZero() {
    AudioFrame frame = new AudioFrame("c", Leg.CUSTOMER, 0, 0, false, new short[160]);
    AudioFrame decoded = decodeFrame(AudioMessageCodec.encode(frame));
    assertEquals(Leg.CUSTOMER, decoded.leg());
    assertEquals(0, decoded.sequence());
    assertEquals(false, decoded.concealed());
    assertArrayEquals(new short[160], decoded.samples());
  }

  @Test
  void roundTripsAFullFrameBatchFrameByFrame() {
    FrameBatch batch = batch(LONGEST_CALL_ID, Leg.CUSTOMER, 1L << 33, FrameBatch.MAX_FRAMES);
    byte[] bytes = AudioMessageCodec.encode(batch);
    assertEquals(24 + 255 + 323 * FrameBatch.MAX_FRAMES, bytes.length);
    FrameBatch decoded = assertInstanceOf(FrameBatch.class, AudioMessageCodec.decode(bytes));
    assertEquals(LONGEST_CALL_ID, decoded.callId());
    assertEquals(Leg.CUSTOMER, decoded.leg());
    assertArrayEquals(batch.captureOffsetsMs(), decoded.captureOffsetsMs());
    assertEquals(batch.frames().size(), decoded.frames().size());
    for (int i = 0; i < batch.frames().size(); i++) {
      AudioFrame sent = batch.frames().get(i);
      AudioFrame got = decoded.frames().get(i);
      assertEquals(sent.sequence(), got.sequence());
      assertEquals(sent.mediaTimeMs(), got.mediaTimeMs());
      assertEquals(sent.concealed(), got.concealed());
      assertArrayEquals(sent.samples(), got.samples());
    }
  }

  @Test
  void encodesTheDocumentedFrameBatchLayout() {
    short[] samples = new short[160];
    samples[0] = 1;
    samples[159] = Short.MIN_VALUE;
    List<AudioFrame> frames =
        List.of(
            new AudioFrame("c1", Leg.AGENT, 258, 5160, false, samples),
            new AudioFrame("c1", Leg.AGENT, 259, 5180, true, new short[160]));
    byte[] bytes = AudioMessageCodec.encode(new FrameBatch(frames, new int[] {0, 300}));
    String header = "5457" + "01" + "04" + "02" + "6331";
    String body = "02" + "0000000000000102" + "0000000000001428" + "01" + "02";
    String first = "00" + "0000" + "0100" + "0000".repeat(158) + "0080";
    String second = "01" + "012c" + "0000".repeat(160);
    assertEquals(header + body + first + second, HexFormat.of().formatHex(bytes));
  }

  @Test
  void aBatchTakesOnlyConsecutiveFramesOfOneLeg() {
    AudioFrame first = new AudioFrame("c", Leg.AGENT, 5, 100, false, new short[160]);
    List<AudioFrame> gaps =
        List.of(
            new AudioFrame("c", Leg.AGENT, 7, 140, false, new short[160]),
            new AudioFrame("c", Leg.AGENT, 6, 140, false, new short[160]),
            new AudioFrame("c", Leg.CUSTOMER, 6, 120, false, new short[160]),
            new AudioFrame("d", Leg.AGENT, 6, 120, false, new short[160]));
    for (AudioFrame next : gaps) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new FrameBatch(List.of(first, next), new int[] {0, 20}));
    }
    AudioFrame next = new AudioFrame("c", Leg.AGENT, 6, 120, false, new short[160]);
    assertEquals(2, new FrameBatch(List.of(first, next), new int[] {0, 20}).frames().size());
    assertThrows(
        IllegalArgumentException.class,
        () -> new FrameBatch(List.of(first, next), new int[] {20, 0}));
    assertThrows(IllegalArgumentException.class, () -> new FrameBatch(List.of(), new int[0]));
  }

  @Test
  void roundTripsCallStartedWithMetadataAtItsLimits() {
    Map<String, String> metadata = new HashMap<>();
    metadata.put("k".repeat(255), "v".repeat(1024));
    metadata.put("agent", "Zoë Ångström 東京");
    metadata.put("empty", "");
    for (int i = 0; metadata.size() < AudioMessageCodec.MAX_METADATA_ENTRIES; i++) {
      metadata.put("key" + i, "value" + i);
    }
    Instant startedAt = Instant.ofEpochSecond(1_750_000_000L, 999_999_999);
    for (Set<Leg> legs : Set.of(Set.<Leg>of(), Set.of(Leg.CUSTOMER), EnumSet.allOf(Leg.class))) {
      CallStarted started = new CallStarted(LONGEST_CALL_ID, startedAt, legs, metadata);
      assertEquals(started, AudioMessageCodec.decode(AudioMessageCodec.encode(started)));
    }
  }

  @Test
  void roundTripsCallEndedForEveryReasonAndInstantsBeforeTheEpoch() {
    for (EndReason reason : EndReason.values()) {
      CallEnded ended = new CallEnded("call-9", Instant.ofEpochSecond(-5, 7), reason);
      assertEquals(ended, AudioMessageCodec.decode(AudioMessageCodec.encode(ended)));
    }
  }

  @Test
  void encodesTheDocumentedFrameLayout() {
    short[] samples = new short[160];
    samples[0] = 1;
    samples[1] = -2;
    samples[159] = Short.MIN_VALUE;
    byte[] bytes =
        AudioMessageCodec.encode(new AudioFrame("c1", Leg.AGENT, 258, 5160, true, samples));
    String header = "5457" + "01" + "01" + "02" + "6331";
    String body = "02" + "0000000000000102" + "0000000000001428" + "01" + "01" + "00a0";
    String pcm = "0100" + "feff" + "0000".repeat(157) + "0080";
    assertEquals(header + body + pcm, HexFormat.of().formatHex(bytes));
  }

  @Test
  void encodesTheDocumentedCallStartedAndCallEndedLayouts() {
    Instant at = Instant.ofEpochSecond(0x0102030405L, 6);
    byte[] started =
        AudioMessageCodec.encode(
            new CallStarted(
                "c1", at, EnumSet.allOf(Leg.class), Map.of("q", "sales", "agent", "ann")));
    assertEquals(
        "5457"
            + "01"
            + "02"
            + "02"
            + "6331"
            + "0000000102030405"
            + "00000006"
            + "03"
            + "02"
            + "05"
            + "6167656e74"
            + "0003"
            + "616e6e" // "agent" -> "ann", keys sorted
            + "01"
            + "71"
            + "0005"
            + "73616c6573", // "q" -> "sales"
        HexFormat.of().formatHex(started));
    byte[] ended = AudioMessageCodec.encode(new CallEnded("c1", at, EndReason.MEDIA_TIMEOUT));
    assertEquals(
        "5457" + "01" + "03" + "02" + "6331" + "0000000102030405" + "00000006" + "02",
        HexFormat.of().formatHex(ended));
  }

  @Test
  void decodesBigEndianSamplesWhenTheEncodingSaysSo() {
    byte[] bytes =
        AudioMessageCodec.encode(new AudioFrame("c1", Leg.AGENT, 1, 20, false, edgeSamples()));
    int encodingAt = 5 + 2 + 17;
    bytes[encodingAt] = AudioMessageCodec.ENCODING_PCM16_BE;
    for (int i = encodingAt + 4; i < bytes.length; i += 2) {
      byte low = bytes[i];
      bytes[i] = bytes[i + 1];
      bytes[i + 1] = low;
    }
    assertArrayEquals(edgeSamples(), decodeFrame(bytes).samples());
  }

  @Test
  void refusesToEncodeMetadataPastItsBounds() {
    Instant now = Instant.EPOCH;
    Map<String, String> tooMany = new HashMap<>();
    for (int i = 0; i <= AudioMessageCodec.MAX_METADATA_ENTRIES; i++) {
      tooMany.put("k" + i, "v");
    }
    for (Map<String, String> metadata :
        List.of(
            tooMany,
            Map.of("k".repeat(256), "v"),
            Map.of("k", "v".repeat(1025)),
            Map.of("", "v"))) {
      CallStarted started = new CallStarted("c", now, Set.of(), metadata);
      assertThrows(AudioCodecException.class, () -> AudioMessageCodec.encode(started));
    }
  }
}
