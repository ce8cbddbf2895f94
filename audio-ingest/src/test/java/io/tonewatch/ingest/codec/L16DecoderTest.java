package io.tonewatch.ingest.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class L16DecoderTest {

  @Test
  void decodesBigEndianSignedSamplesOverTheWholeRange() {
    byte[] in = new byte[2 * 65536 + 3];
    for (int v = -32768; v <= 32767; v++) {
      int at = 3 + 2 * (v + 32768);
      in[at] = (byte) (v >> 8);
      in[at + 1] = (byte) v;
    }
    short[] out = new short[65536];
    new L16Decoder(1).decode(in, 3, 2 * 65536, out);
    for (int v = -32768; v <= 32767; v++) {
      if (out[v + 32768] != v) {
        throw new AssertionError("sample " + v + " decoded as " + out[v + 32768]);
      }
    }
  }

  @Test
  void stereoStaysInterleaved() {
    byte[] in = {0x01, 0x02, (byte) 0xFF, (byte) 0xFE, 0x7F, (byte) 0xFF, (byte) 0x80, 0x00};
    short[] out = new short[4];
    new L16Decoder(2).decode(in, 0, in.length, out);
    assertArrayEquals(new short[] {0x0102, -2, 32767, -32768}, out);
  }

  @Test
  void refusesOtherChannelCountsAndRangesOutsideTheArrays() {
    assertThrows(IllegalArgumentException.class, () -> new L16Decoder(3));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> new L16Decoder(1).decode(new byte[4], 2, 4, new short[2]));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> new L16Decoder(1).decode(new byte[8], 0, 8, new short[2]));
  }
}
