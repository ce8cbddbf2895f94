package io.tonewatch.ingest.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The 16 kHz sub-band decoder against ffmpeg (fixtures: README-g722-fixtures.md). */
class G722SubbandDecoderTest {

  @Test
  void decodesBitForBitLikeFfmpeg() throws IOException {
    byte[] g722 = resource("tone1000.g722");
    short[] expected = s16le(resource("tone1000.ffmpeg-decoded.s16le"));
    short[] out = new short[2 * g722.length];
    new G722SubbandDecoder().decode(g722, 0, g722.length, out, 0);
    assertArrayEquals(expected, out);
  }

  @Test
  void decodingPacketByPacketCarriesTheStateAcross() throws IOException {
    byte[] g722 = resource("tone1000.g722");
    short[] whole = new short[2 * g722.length];
    new G722SubbandDecoder().decode(g722, 0, g722.length, whole, 0);
    G722SubbandDecoder decoder = new G722SubbandDecoder();
    short[] pieces = new short[2 * g722.length];
    for (int at = 0, size = 1; at < g722.length; at += size, size = size % 200 + 37) {
      int n = Math.min(size, g722.length - at);
      decoder.decode(g722, at, n, pieces, 2 * at);
    }
    assertArrayEquals(whole, pieces);
  }

  @Test
  void resetReturnsToTheInitialState() throws IOException {
    byte[] g722 = resource("tone1000.g722");
    G722SubbandDecoder decoder = new G722SubbandDecoder();
    short[] first = new short[2 * g722.length];
    decoder.decode(g722, 0, g722.length, first, 0);
    decoder.reset();
    short[] again = new short[2 * g722.length];
    decoder.decode(g722, 0, g722.length, again, 0);
    assertArrayEquals(first, again);
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = G722SubbandDecoderTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  static short[] s16le(byte[] bytes) {
    short[] s = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
    return s;
  }
}
