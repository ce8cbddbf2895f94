package io.tonewatch.simulator.rtp;

import io.tonewatch.media.codec.G711;
import java.util.Locale;

/** The RTP payload formats simulate can send (RFC 3551 §4.5 and table 4). */
public enum Codec {
  /** G.711 mu-law, static payload type 0, one byte per sample. */
  PCMU(0, 1),
  /** G.711 A-law, static payload type 8, one byte per sample. */
  PCMA(8, 1),
  /** Linear 16-bit big-endian (RFC 3551 §4.5.11) at 8 kHz, on dynamic payload type 96. */
  L16(96, 2);

  private final int payloadType;
  private final int bytesPerSample;

  Codec(int payloadType, int bytesPerSample) {
    this.payloadType = payloadType;
    this.bytesPerSample = bytesPerSample;
  }

  public int payloadType() {
    return payloadType;
  }

  public int bytesPerSample() {
    return bytesPerSample;
  }

  /** Lowercase name as the command line spells it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Encodes {@code samples} into a new payload of {@code samples.length * bytesPerSample}. */
  public byte[] encode(short[] samples) {
    byte[] payload = new byte[samples.length * bytesPerSample];
    switch (this) {
      case PCMU -> {
        for (int i = 0; i < samples.length; i++) {
          payload[i] = G711.linearToUlaw(samples[i]);
        }
      }
      case PCMA -> {
        for (int i = 0; i < samples.length; i++) {
          payload[i] = G711.linearToAlaw(samples[i]);
        }
      }
      case L16 -> {
        for (int i = 0; i < samples.length; i++) {
          payload[2 * i] = (byte) (samples[i] >> 8);
          payload[2 * i + 1] = (byte) samples[i];
        }
      }
    }
    return payload;
  }
}
