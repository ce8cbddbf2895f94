package io.tonewatch.ingest.audiosocket;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.leg.PcmFramer;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.sink.FrameSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one AudioSocket TCP connection (one leg) on a blocking socket: waits for the UUID message,
 * takes a leg from {@link AudioSocketCalls}, then cuts the slin audio into frames until hangup,
 * error, end of stream, read timeout or a stream that is not AudioSocket (one that does not begin
 * with a UUID message, or a run of bad messages). Never throws on input. Owned by its pool thread;
 * all fields are confined to it.
 */
final class AudioSocketConnection implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(AudioSocketConnection.class);
  private static final IngestMetrics.Source SOURCE = IngestMetrics.Source.AUDIOSOCKET;

  private final Socket socket;
  private final AudioSocketCalls calls;
  private final FrameSink sink;
  private final IngestMetrics metrics;
  private final AudioSocketDecoder decoder;
  private final BooleanSupplier stopping;
  private String callId;
  private PcmFramer framer;
  private boolean ended;

  AudioSocketConnection(
      Socket socket,
      AudioSocketCalls calls,
      FrameSink sink,
      IngestMetrics metrics,
      int maxPayloadBytes,
      BooleanSupplier stopping) {
    this.socket = socket;
    this.calls = calls;
    this.sink = sink;
    this.metrics = metrics;
    this.decoder = new AudioSocketDecoder(metrics, maxPayloadBytes);
    this.stopping = stopping;
  }

  @Override
  public void run() {
    EndReason reason = EndReason.HANGUP;
    byte[] buf = new byte[4096];
    try (Socket s = socket) {
      InputStream in = s.getInputStream();
      while (!ended) {
        int n = in.read(buf);
        if (n < 0) {
          decoder.endOfStream();
          break;
        }
        decoder.feed(buf, 0, n, this::onFrame);
        if (decoder.failed() || notStartedById()) {
          LOG.debug(
              "audiosocket {}: not an AudioSocket stream, closing", s.getRemoteSocketAddress());
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      decoder.endOfStream();
      reason = EndReason.MEDIA_TIMEOUT;
    } catch (IOException | RuntimeException e) {
      LOG.debug("audiosocket {}: connection ended: {}", callId, e.toString());
    } finally {
      endLeg(stopping.getAsBoolean() ? EndReason.SHUTDOWN : reason);
    }
  }

  /** Streams begin with the UUID message; one that begins otherwise is not a leg. */
  private boolean notStartedById() {
    return callId == null
        && decoder.firstType() >= 0
        && decoder.firstType() != AudioSocketDecoder.TYPE_UUID;
  }

  private void onFrame(AudioSocketFrame frame) {
    if (ended) {
      return;
    }
    if (frame instanceof AudioSocketFrame.Id id) {
      onId(id);
    } else if (frame instanceof AudioSocketFrame.Audio audio) {
      if (framer == null) {
        metrics.packet(SOURCE, PacketOutcome.NO_LEG);
        return;
      }
      metrics.packet(SOURCE, PacketOutcome.ACCEPTED);
      framer.onSamples(audio.samples(), 0, audio.samples().length);
    } else if (frame instanceof AudioSocketFrame.Dtmf) {
      metrics.packet(SOURCE, PacketOutcome.TELEPHONE_EVENT);
    } else {
      // Hangup, or the peer's error: either ends this leg.
      metrics.packet(SOURCE, PacketOutcome.ACCEPTED);
      ended = true;
    }
  }

  private void onId(AudioSocketFrame.Id id) {
    if (callId != null) {
      metrics.packet(SOURCE, PacketOutcome.MALFORMED); // a second UUID on one stream
      return;
    }
    String uuid = id.uuid().toString();
    AudioSocketCalls.Join join = calls.join(uuid);
    if (join.leg() == null) {
      metrics.packet(
          SOURCE,
          join.refusal() == AudioSocketCalls.Refusal.UNAUTHORIZED
              ? PacketOutcome.UNAUTHORIZED
              : PacketOutcome.NO_LEG);
      LOG.debug("audiosocket {}: refused ({})", uuid, join.refusal());
      ended = true;
      return;
    }
    metrics.packet(SOURCE, PacketOutcome.ACCEPTED);
    callId = uuid;
    Leg leg = join.leg();
    framer = new PcmFramer(uuid, leg, sink, metrics);
    LOG.debug("audiosocket {}: {} leg from {}", uuid, leg, socket.getRemoteSocketAddress());
  }

  private void endLeg(EndReason reason) {
    ended = true;
    if (framer != null) {
      framer.finish();
      calls.leave(callId, reason);
      framer = null;
    }
  }
}
