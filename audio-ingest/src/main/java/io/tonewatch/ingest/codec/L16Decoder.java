package io.tonewatch.ingest.codec;

import java.util.Objects;

/**
 * L16 payloads (RFC 3551 §4.5.11): signed 16-bit samples in network (big-endian) byte order, two
 * channels interleaved left then right (§4.1). Stateless.
 */
public final class L16Decoder implements AudioDecoder {
  private final int channels;

  public L16Decoder(int channels) {
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("L16 channels must be 1 or 2, was " + channels);
    }
    this.channels = channels;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int samplesPerChannel(int payloadBytes) {
    int bytesPerFrame = 2 * channels;
    return payloadBytes % bytesPerFrame == 0 ? payloadBytes / bytesPerFrame : -1;
  }

  @Override
  public void decode(byte[] in, int offset, int length, short[] out) {
    Objects.checkFromIndexSize(offset, length, in.length);
    int samples = length / 2;
    Objects.checkFromIndexSize(0, samples, out.length);
    for (int i = 0; i < samples; i++) {
      int at = offset + 2 * i;
      out[i] = (short) ((in[at] << 8) | (in[at + 1] & 0xFF));
    }
  }

  @Override
  public void reset() {}
}
