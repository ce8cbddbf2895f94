package io.tonewatch.ingest.codec;

import java.util.Objects;

/**
 * What one RTP payload type carries, as an SDP {@code a=rtpmap} names it: encoding, RTP clock rate
 * and channels, e.g. {@code L16/8000/2}. Only an 8000 Hz RTP clock is accepted: frames are 8 kHz
 * and the jitter buffer counts in timestamp units (G.722's clock is 8000 although it samples at 16
 * kHz, RFC 3551 §4.5.2).
 */
public record PayloadFormat(RtpEncoding encoding, int clockRateHz, int channels) {
  public static final int CLOCK_RATE_HZ = 8000;

  public static final PayloadFormat PCMU = new PayloadFormat(RtpEncoding.PCMU, CLOCK_RATE_HZ, 1);
  public static final PayloadFormat PCMA = new PayloadFormat(RtpEncoding.PCMA, CLOCK_RATE_HZ, 1);
  public static final PayloadFormat G722 = new PayloadFormat(RtpEncoding.G722, CLOCK_RATE_HZ, 1);
  public static final PayloadFormat L16_MONO = new PayloadFormat(RtpEncoding.L16, CLOCK_RATE_HZ, 1);
  public static final PayloadFormat L16_STEREO =
      new PayloadFormat(RtpEncoding.L16, CLOCK_RATE_HZ, 2);
  public static final PayloadFormat TELEPHONE_EVENT =
      new PayloadFormat(RtpEncoding.TELEPHONE_EVENT, CLOCK_RATE_HZ, 1);

  public PayloadFormat {
    Objects.requireNonNull(encoding, "encoding");
    if (clockRateHz != CLOCK_RATE_HZ) {
      throw new IllegalArgumentException(
          encoding.sdpName() + " clock rate must be 8000 Hz, was " + clockRateHz);
    }
    int maxChannels = encoding == RtpEncoding.L16 ? 2 : 1;
    if (channels < 1 || channels > maxChannels) {
      throw new IllegalArgumentException(
          encoding.sdpName() + " channels must be 1 to " + maxChannels + ", was " + channels);
    }
  }

  /**
   * Parses {@code ENCODING/RATE[/CHANNELS]}, e.g. {@code L16/8000/2} or {@code
   * telephone-event/8000}; throws naming the text when it is not one of the formats above.
   */
  public static PayloadFormat parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "'" + text + "' is not ENCODING/RATE[/CHANNELS], e.g. L16/8000/1");
    }
    try {
      int rate = Integer.parseInt(parts[1].trim());
      int channels = parts.length == 3 ? Integer.parseInt(parts[2].trim()) : 1;
      return new PayloadFormat(RtpEncoding.fromSdpName(parts[0]), rate, channels);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' has a rate or channels that is no number", e);
    }
  }

  /** A fresh decoder for a stream (one per stream: some keep state); null for telephone events. */
  public AudioDecoder newDecoder() {
    return switch (encoding) {
      case PCMU -> G711Decoder.ulaw();
      case PCMA -> G711Decoder.alaw();
      case G722 -> new G722Decoder();
      case L16 -> new L16Decoder(channels);
      case TELEPHONE_EVENT -> null;
    };
  }

  @Override
  public String toString() {
    return encoding.sdpName() + "/" + clockRateHz + (channels > 1 ? "/" + channels : "");
  }
}
