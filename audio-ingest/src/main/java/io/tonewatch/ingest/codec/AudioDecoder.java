package io.tonewatch.ingest.codec;

/**
 * Turns one RTP packet's payload into 8 kHz 16-bit linear samples, interleaved when there are two
 * channels. Decoders may keep state between packets (ADPCM does): one instance per stream, fed in
 * playout order, owned by the stream's thread.
 */
public interface AudioDecoder {

  /** Channels in the decoded output, 1 or 2; mono unless the format says otherwise. */
  default int channels() {
    return 1;
  }

  /**
   * Samples per channel that a payload of {@code payloadBytes} decodes to, or -1 when that length
   * is not a whole number of samples (e.g. an odd length of L16). By default one octet per 8 kHz
   * sample, as G.711 and (after decimation) G.722 have.
   */
  default int samplesPerChannel(int payloadBytes) {
    return payloadBytes;
  }

  /**
   * Decodes {@code in[offset..offset+length)} into {@code out[0..]}, {@code
   * samplesPerChannel(length) * channels()} samples, interleaved.
   */
  void decode(byte[] in, int offset, int length, short[] out);

  /** Forgets state carried between packets (after a resync). */
  void reset();
}
