package io.tonewatch.ingest.ws;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message of the Twilio Media Streams protocol (JSON text frames with an {@code event} field),
 * as decoded by {@link TwilioMessageDecoder}. Track names are normalised to {@code inbound} /
 * {@code outbound} (DTMF messages say {@code inbound_track}).
 */
public sealed interface TwilioMessage {

  /** {@code connected}: the first message, naming the protocol. */
  record Connected(String protocol, String version) implements TwilioMessage {}

  /**
   * {@code start}: the stream's metadata, sent once before any media.
   *
   * @param streamSid the stream's id
   * @param callSid the platform's call id
   * @param tracks the tracks whose media follows, e.g. [inbound, outbound]
   * @param customParameters the stream's custom parameters, already bounded in count and size
   * @param encoding the media encoding, e.g. {@code audio/x-mulaw}
   * @param sampleRateHz the media sample rate
   * @param channels the media channel count
   */
  record Start(
      String streamSid,
      String callSid,
      List<String> tracks,
      Map<String, String> customParameters,
      String encoding,
      int sampleRateHz,
      int channels)
      implements TwilioMessage {
    /** The custom parameter that names the call, overriding {@code callSid}. */
    public static final String CALL_ID_PARAMETER = "callId";

    public Start {
      Objects.requireNonNull(streamSid, "streamSid");
      Objects.requireNonNull(callSid, "callSid");
      tracks = List.copyOf(tracks);
      customParameters = Map.copyOf(customParameters);
      Objects.requireNonNull(encoding, "encoding");
    }

    /** The call id: the {@code callId} custom parameter when present, else {@code callSid}. */
    public String callId() {
      return customParameters.getOrDefault(CALL_ID_PARAMETER, callSid);
    }

    /** True for the one format Twilio sends: 8 kHz mono mu-law. */
    public boolean isMulaw8kMono() {
      return "audio/x-mulaw".equals(encoding) && sampleRateHz == 8000 && channels == 1;
    }
  }

  /**
   * {@code media}: a chunk of one track's audio.
   *
   * @param track the track, e.g. {@code inbound}
   * @param chunk the chunk number within the track, from 1
   * @param timestampMs the chunk's presentation time from the start of the stream, in ms
   * @param payload the mu-law bytes (base64-decoded)
   */
  record Media(String track, long chunk, long timestampMs, byte[] payload)
      implements TwilioMessage {
    public Media {
      Objects.requireNonNull(track, "track");
      Objects.requireNonNull(payload, "payload");
      if (chunk < 1 || timestampMs < 0) {
        throw new IllegalArgumentException(
            "chunk must be >= 1 and timestampMs >= 0, were " + chunk + " and " + timestampMs);
      }
    }
  }

  /** {@code stop}: the stream has ended. */
  record Stop() implements TwilioMessage {}

  /** {@code mark}: the echo of a mark in a bidirectional stream; tolerated. */
  record Mark(String name) implements TwilioMessage {}

  /** {@code dtmf}: a digit pressed on a track; kept out of the audio. */
  record Dtmf(String track, String digit) implements TwilioMessage {}
}
