package io.tonewatch.ingest.audiosocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.ingest.metrics.IngestMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the AudioSocket stream decoder. The first input byte picks a chunk
 * size; the rest is the stream. Nothing may throw, and the frames must not depend on how the stream
 * was cut: decoding it whole, in chunks and one byte at a time gives the same frames. Seeds and
 * kept crashes: {@code
 * AudioSocketDecoderFuzzTestInputs/decodesAnyStreamTheSameWayWhateverTheChunks/}.
 */
class AudioSocketDecoderFuzzTest {
  private static final int MAX_PAYLOAD_BYTES = 1024;
  private static final IngestMetrics METRICS = new IngestMetrics(new SimpleMeterRegistry());

  @FuzzTest(maxDuration = "20s")
  void decodesAnyStreamTheSameWayWhateverTheChunks(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int chunk = 1 + (input[0] & 0xFF);
    List<AudioSocketFrame> whole = decode(input, 1, input.length - 1);
    List<AudioSocketFrame> chunked = decode(input, chunk);
    List<AudioSocketFrame> bytewise = decode(input, 1);

    assertSame(whole, chunked);
    assertSame(whole, bytewise);
    for (AudioSocketFrame f : whole) {
      if (f instanceof AudioSocketFrame.Audio a) {
        assertTrue(a.samples().length > 0 && a.samples().length <= MAX_PAYLOAD_BYTES / 2);
      }
    }
  }

  private static List<AudioSocketFrame> decode(byte[] input, int offset, int length) {
    List<AudioSocketFrame> out = new ArrayList<>();
    new AudioSocketDecoder(METRICS, MAX_PAYLOAD_BYTES).feed(input, offset, length, out::add);
    return out;
  }

  private static List<AudioSocketFrame> decode(byte[] input, int chunk) {
    List<AudioSocketFrame> out = new ArrayList<>();
    AudioSocketDecoder decoder = new AudioSocketDecoder(METRICS, MAX_PAYLOAD_BYTES);
    for (int at = 1; at < input.length; at += chunk) {
      decoder.feed(input, at, Math.min(chunk, input.length - at), out::add);
    }
    return out;
  }

  private static void assertSame(List<AudioSocketFrame> expected, List<AudioSocketFrame> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i) instanceof AudioSocketFrame.Audio a) {
        assertArrayEquals(a.samples(), ((AudioSocketFrame.Audio) actual.get(i)).samples());
      } else {
        assertEquals(expected.get(i), actual.get(i));
      }
    }
  }
}
