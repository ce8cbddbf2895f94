package io.tonewatch.ingest.ws;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.call.CallAdmission;
import io.tonewatch.ingest.leg.PcmFramer;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.sink.FrameSink;
import io.tonewatch.media.codec.G711;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One WebSocket connection's Media Stream: the call it belongs to and one {@link PcmFramer} per
 * track. Media messages number their chunks per track from 1; a chunk number that skips is a gap,
 * sized by the timestamps (or, when they do not show it, by the previous chunk's length) and filled
 * with at most {@code maxGapFrames} concealed frames. A chunk number that does not advance is
 * counted {@code DUPLICATE} and dropped.
 *
 * <p>Call lifetime: on {@code start} the call is opened through {@link CallAdmission} with the legs
 * of its tracks, or, when it was already announced through the control API, attached to. On {@code
 * stop} (all of the stream's tracks have ended) the framers finish and the call ends with {@code
 * HANGUP}. When the socket closes without {@code stop}, the call ends too if this connection opened
 * it; a call announced through the control API is then left to the control API's DELETE or the
 * media timeout. Jetty delivers one message at a time per connection, but possibly on different
 * threads: the methods are synchronized.
 */
final class TwilioStream {

  /** What the connection should do after a message. */
  enum Verdict {
    CONTINUE,
    CLOSE_NORMAL,
    CLOSE_POLICY,
    CLOSE_UNSUPPORTED
  }

  private static final IngestMetrics.Source SOURCE = IngestMetrics.Source.WEBSOCKET;

  private final CallAdmission admission;
  private final FrameSink sink;
  private final IngestMetrics metrics;
  private final TwilioSettings settings;
  private final Map<String, Track> tracks = new HashMap<>();
  private String callId;
  private boolean ownsCall;
  private boolean ended;

  TwilioStream(
      CallAdmission admission, FrameSink sink, IngestMetrics metrics, TwilioSettings settings) {
    this.admission = admission;
    this.sink = sink;
    this.metrics = metrics;
    this.settings = settings;
  }

  synchronized Verdict onMessage(TwilioMessage message) {
    if (ended) {
      metrics.packet(SOURCE, PacketOutcome.NO_LEG);
      return Verdict.CLOSE_NORMAL;
    }
    if (message instanceof TwilioMessage.Media media) {
      return onMedia(media);
    }
    if (message instanceof TwilioMessage.Start start) {
      return onStart(start);
    }
    if (message instanceof TwilioMessage.Stop) {
      metrics.packet(SOURCE, callId == null ? PacketOutcome.NO_LEG : PacketOutcome.ACCEPTED);
      end(callId != null);
      return Verdict.CLOSE_NORMAL;
    }
    metrics.packet(
        SOURCE,
        message instanceof TwilioMessage.Dtmf
            ? PacketOutcome.TELEPHONE_EVENT
            : PacketOutcome.ACCEPTED);
    return Verdict.CONTINUE;
  }

  /** The socket closed (by either side, or on error). */
  synchronized void onClose() {
    if (!ended) {
      end(ownsCall);
    }
  }

  private Verdict onStart(TwilioMessage.Start start) {
    if (callId != null) {
      metrics.packet(SOURCE, PacketOutcome.MALFORMED); // start is sent once per stream
      return Verdict.CONTINUE;
    }
    if (!start.isMulaw8kMono()) {
      metrics.packet(SOURCE, PacketOutcome.UNKNOWN_PAYLOAD);
      return Verdict.CLOSE_UNSUPPORTED;
    }
    Map<String, Leg> legOfTrack = new LinkedHashMap<>();
    for (String track : start.tracks()) {
      if ("inbound".equals(track)) {
        legOfTrack.put(track, settings.inboundLeg());
      } else if ("outbound".equals(track)) {
        legOfTrack.put(track, otherLeg(settings.inboundLeg()));
      }
    }
    if (legOfTrack.isEmpty()) {
      metrics.packet(SOURCE, PacketOutcome.NO_LEG);
      return Verdict.CLOSE_POLICY;
    }
    String id = start.callId();
    Set<Leg> legs = EnumSet.copyOf(legOfTrack.values());
    boolean attached = admission.isOpen(id);
    if (!attached && !admission.open(id, legs, metadata(start))) {
      if (!admission.isOpen(id)) { // refused for the leg limit, not opened meanwhile
        metrics.packet(SOURCE, PacketOutcome.NO_LEG);
        return Verdict.CLOSE_POLICY;
      }
      attached = true;
    }
    callId = id;
    ownsCall = !attached;
    legOfTrack.forEach(
        (track, leg) -> tracks.put(track, new Track(new PcmFramer(id, leg, sink, metrics))));
    metrics.packet(SOURCE, PacketOutcome.ACCEPTED);
    return Verdict.CONTINUE;
  }

  private Verdict onMedia(TwilioMessage.Media media) {
    Track track = tracks.get(media.track());
    if (track == null) {
      metrics.packet(SOURCE, PacketOutcome.NO_LEG);
      return Verdict.CONTINUE;
    }
    if (media.chunk() <= track.lastChunk) {
      metrics.packet(SOURCE, PacketOutcome.DUPLICATE);
      return Verdict.CONTINUE;
    }
    if (track.lastChunk > 0 && media.chunk() > track.lastChunk + 1) {
      track.framer.onGap(gapFrames(track, media));
    }
    byte[] payload = media.payload();
    short[] pcm = new short[payload.length];
    G711.decodeUlaw(payload, 0, pcm, 0, payload.length);
    track.framer.onSamples(pcm, 0, pcm.length);
    track.lastChunk = media.chunk();
    track.lastTimestampMs = media.timestampMs();
    track.lastDurationMs = payload.length * 1000L / AudioFrame.SAMPLE_RATE_HZ;
    metrics.packet(SOURCE, PacketOutcome.ACCEPTED);
    return Verdict.CONTINUE;
  }

  /**
   * Frames to conceal before {@code media}: at least one, at most {@code maxGapFrames} (so none
   * when it is 0: the media then continues the timeline as if nothing was missing).
   */
  private int gapFrames(Track track, TwilioMessage.Media media) {
    long missingChunks = media.chunk() - track.lastChunk - 1;
    long gapMs = media.timestampMs() - (track.lastTimestampMs + track.lastDurationMs);
    if (gapMs <= 0) {
      gapMs = Math.min(missingChunks, 1_000_000L) * track.lastDurationMs;
    }
    long frames = Math.round(gapMs / (double) AudioFrame.FRAME_MILLIS);
    return (int) Math.min(settings.maxGapFrames(), Math.max(1, frames));
  }

  private void end(boolean closeCall) {
    ended = true;
    for (Track track : tracks.values()) {
      track.framer.finish();
    }
    tracks.clear();
    if (closeCall && callId != null) {
      admission.close(callId, EndReason.HANGUP);
    }
  }

  private static Map<String, String> metadata(TwilioMessage.Start start) {
    Map<String, String> metadata = new HashMap<>(start.customParameters());
    metadata.remove(TwilioMessage.Start.CALL_ID_PARAMETER);
    metadata.put("transport", "websocket");
    if (!start.streamSid().isEmpty() && start.streamSid().length() <= 64) {
      metadata.put("streamSid", start.streamSid());
    }
    if (!start.callSid().isEmpty() && start.callSid().length() <= 64) {
      metadata.put("callSid", start.callSid());
    }
    return metadata;
  }

  private static Leg otherLeg(Leg leg) {
    return leg == Leg.CUSTOMER ? Leg.AGENT : Leg.CUSTOMER;
  }

  /** One track's framer and the last chunk it took. */
  private static final class Track {
    final PcmFramer framer;
    long lastChunk;
    long lastTimestampMs;
    long lastDurationMs;

    Track(PcmFramer framer) {
      this.framer = framer;
    }
  }
}
