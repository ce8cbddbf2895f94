package io.tonewatch.ingest.leg;

import io.tonewatch.ingest.codec.AudioDecoder;
import io.tonewatch.ingest.codec.PayloadFormat;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.jitter.PlayoutListener;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.sink.FrameSink;

/**
 * The end of one RTP stream's path: decodes each released packet by its payload type (one decoder
 * per type, created when first needed, since some keep state) and splits the channels into the
 * legs' {@link PcmFramer}s; fills gaps in every leg alike. Owned by the stream's receive thread.
 */
final class LegPlayout implements PlayoutListener {
  private final AudioDecoder[] decoders = new AudioDecoder[PayloadMap.MAX_PAYLOAD_TYPE + 1];
  private final PcmFramer[] framers;
  private short[] pcm = new short[2 * 160];

  LegPlayout(String callId, StreamLayout layout, FrameSink sink, IngestMetrics metrics) {
    framers = new PcmFramer[layout.channelCount()];
    for (int c = 0; c < framers.length; c++) {
      framers[c] = new PcmFramer(callId, layout.leg(c), sink, metrics);
    }
  }

  /**
   * The decoder of {@code payloadType}, or null when none decodes it into this stream's channels.
   */
  AudioDecoder decoder(int payloadType, PayloadFormat format) {
    AudioDecoder decoder = decoders[payloadType];
    if (decoder == null) {
      decoder = format.newDecoder();
      decoders[payloadType] = decoder;
    }
    return decoder != null && decoder.channels() == framers.length ? decoder : null;
  }

  /** A new source or numbering: decoder state carried between packets no longer applies. */
  void resetDecoders() {
    for (AudioDecoder decoder : decoders) {
      if (decoder != null) {
        decoder.reset();
      }
    }
  }

  @Override
  public void onAudio(int payloadType, byte[] buf, int offset, int length, int samples) {
    int channels = framers.length;
    if (pcm.length < samples * channels) {
      pcm = new short[samples * channels];
    }
    decoders[payloadType].decode(buf, offset, length, pcm);
    for (int c = 0; c < channels; c++) {
      framers[c].onInterleaved(pcm, c, channels, samples);
    }
  }

  @Override
  public void onConceal(int samples) {
    for (PcmFramer framer : framers) {
      framer.conceal(samples);
    }
  }

  /** Pads and emits each leg's partial frame. */
  void finish() {
    for (PcmFramer framer : framers) {
      framer.finish();
    }
  }

  /** Frames flagged concealed, over all legs. */
  long concealedFrames() {
    long concealed = 0;
    for (PcmFramer framer : framers) {
      concealed += framer.concealedFrames();
    }
    return concealed;
  }
}
