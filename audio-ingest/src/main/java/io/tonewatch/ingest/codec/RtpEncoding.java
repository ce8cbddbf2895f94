package io.tonewatch.ingest.codec;

/** The media encodings an RTP stream may carry here, by their RFC 3551 / RFC 4733 names. */
public enum RtpEncoding {
  /** G.711 mu-law, RFC 3551 §4.5.14. */
  PCMU("PCMU"),
  /** G.711 A-law, RFC 3551 §4.5.14. */
  PCMA("PCMA"),
  /** G.722 SB-ADPCM at 64 kbit/s, RFC 3551 §4.5.2: 16 kHz audio on an 8000 Hz RTP clock. */
  G722("G722"),
  /** Linear 16-bit big-endian PCM, RFC 3551 §4.5.11. */
  L16("L16"),
  /** RFC 4733 named telephone events (DTMF): recognised, never audio. */
  TELEPHONE_EVENT("telephone-event");

  private final String sdpName;

  RtpEncoding(String sdpName) {
    this.sdpName = sdpName;
  }

  /** The encoding name as SDP's {@code a=rtpmap} writes it, e.g. {@code telephone-event}. */
  public String sdpName() {
    return sdpName;
  }

  /** Whether packets of this encoding carry audio samples. */
  public boolean isAudio() {
    return this != TELEPHONE_EVENT;
  }

  /** Parses an SDP encoding name, case-insensitively; throws naming the value otherwise. */
  public static RtpEncoding fromSdpName(String name) {
    for (RtpEncoding encoding : values()) {
      if (encoding.sdpName.equalsIgnoreCase(name.trim())) {
        return encoding;
      }
    }
    throw new IllegalArgumentException(
        "unknown encoding '" + name + "' (expected PCMU, PCMA, G722, L16 or telephone-event)");
  }
}
