package io.tonewatch.media.wav;

import io.tonewatch.media.codec.G711;

/**
 * Converts interleaved little-endian samples to 16-bit linear, one array per channel. 8-bit PCM is
 * unsigned around 128; wider PCM and float are rounded to the nearest 16-bit value and clamped.
 */
final class SampleDecoder {

  private SampleDecoder() {}

  static void decode(WavFormat format, byte[] in, int frames, short[][] out, int outFrame) {
    int channels = out.length;
    int width = format.encoding().bytesPerSample;
    if (channels == 1 && format.encoding() == WavFormat.Encoding.MULAW) {
      G711.decodeUlaw(in, 0, out[0], outFrame, frames);
      return;
    }
    if (channels == 1 && format.encoding() == WavFormat.Encoding.ALAW) {
      G711.decodeAlaw(in, 0, out[0], outFrame, frames);
      return;
    }
    int at = 0;
    for (int f = outFrame; f < outFrame + frames; f++) {
      for (int c = 0; c < channels; c++, at += width) {
        out[c][f] = sample(format.encoding(), in, at);
      }
    }
  }

  private static short sample(WavFormat.Encoding encoding, byte[] b, int at) {
    return switch (encoding) {
      case PCM_U8 -> (short) (((b[at] & 0xFF) - 128) << 8);
      case PCM_S16 -> (short) ((b[at] & 0xFF) | b[at + 1] << 8);
      // Round to the nearest 16-bit value: truncating would bias every sample by -1/2 LSB.
      case PCM_S24 -> clamp((int24(b, at) + 0x80) >> 8);
      case PCM_S32 -> clamp((int) ((int32(b, at) + 0x8000L) >> 16));
      case FLOAT32 -> clamp(Math.round(Float.intBitsToFloat(int32(b, at)) * 32768f));
      case ALAW -> G711.alawToLinear(b[at]);
      case MULAW -> G711.ulawToLinear(b[at]);
    };
  }

  private static int int24(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | b[at + 2] << 16;
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
  }

  private static short clamp(int value) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
  }
}
