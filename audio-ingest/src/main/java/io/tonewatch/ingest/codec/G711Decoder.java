package io.tonewatch.ingest.codec;

import io.tonewatch.media.codec.G711;

/**
 * PCMU or PCMA payloads (RFC 3551 §4.5.14): one byte per sample, through {@link G711}. Stateless.
 */
public final class G711Decoder implements AudioDecoder {
  private final boolean ulaw;

  private G711Decoder(boolean ulaw) {
    this.ulaw = ulaw;
  }

  public static G711Decoder ulaw() {
    return new G711Decoder(true);
  }

  public static G711Decoder alaw() {
    return new G711Decoder(false);
  }

  @Override
  public void decode(byte[] in, int offset, int length, short[] out) {
    if (ulaw) {
      G711.decodeUlaw(in, offset, out, 0, length);
    } else {
      G711.decodeAlaw(in, offset, out, 0, length);
    }
  }

  @Override
  public void reset() {}
}
