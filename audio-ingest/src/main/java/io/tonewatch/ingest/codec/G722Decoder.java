package io.tonewatch.ingest.codec;

/**
 * G.722 payloads at 64 kbit/s (RFC 3551 §4.5.2): each octet decodes to two 16 kHz samples, which a
 * {@link Decimator} low-passes and halves to one 8 kHz sample, matching the 8000 Hz RTP clock.
 * Keeps ADPCM and filter state between packets: one per stream, fed in playout order.
 */
public final class G722Decoder implements AudioDecoder {
  private final G722SubbandDecoder subbands = new G722SubbandDecoder();
  private final Decimator decimator = new Decimator();
  private short[] wideband = new short[320];

  @Override
  public void decode(byte[] in, int offset, int length, short[] out) {
    java.util.Objects.checkFromIndexSize(offset, length, in.length);
    java.util.Objects.checkFromIndexSize(0, length, out.length);
    if (wideband.length < 2 * length) {
      wideband = new short[2 * length];
    }
    subbands.decode(in, offset, length, wideband, 0);
    decimator.decimate(wideband, 0, 2 * length, out, 0);
  }

  @Override
  public void reset() {
    subbands.reset();
    decimator.reset();
  }
}
