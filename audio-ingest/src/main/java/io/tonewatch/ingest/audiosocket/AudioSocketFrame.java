package io.tonewatch.ingest.audiosocket;

import java.util.Objects;
import java.util.UUID;

/**
 * One well-formed AudioSocket message (type byte, 16-bit big-endian length, payload), as decoded by
 * {@link AudioSocketDecoder}.
 */
public sealed interface AudioSocketFrame {

  /** Type 0x00: the peer ends the stream (closing the socket means the same). */
  record Hangup() implements AudioSocketFrame {}

  /** Type 0x01: the 16-byte binary UUID naming the call; sent first. */
  record Id(UUID uuid) implements AudioSocketFrame {
    public Id {
      Objects.requireNonNull(uuid, "uuid");
    }
  }

  /** Type 0x03: one DTMF digit as an ASCII byte. */
  record Dtmf(char digit) implements AudioSocketFrame {}

  /** Type 0x10: signed 16-bit 8 kHz mono PCM, already converted from little-endian. */
  record Audio(short[] samples) implements AudioSocketFrame {
    public Audio {
      Objects.requireNonNull(samples, "samples");
    }
  }

  /** Type 0xff: the peer reports an error; {@code code} is -1 when the payload is empty. */
  record Error(int code) implements AudioSocketFrame {
    public Error {
      if (code < -1 || code > 0xFF) {
        throw new IllegalArgumentException("error code must be -1 or a byte, was " + code);
      }
    }
  }
}
