package io.tonewatch.ingest.leg;

import io.tonewatch.ingest.codec.PayloadFormat;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.jitter.AdaptiveJitterBuffer;
import io.tonewatch.ingest.jitter.JitterSettings;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.rtp.InterarrivalJitter;
import io.tonewatch.ingest.rtp.RtcpDetector;
import io.tonewatch.ingest.rtp.RtpPacket;
import io.tonewatch.ingest.rtp.SequenceNumbers;
import io.tonewatch.ingest.rtp.SourceValidator;
import io.tonewatch.ingest.rtp.TelephoneEvent;
import io.tonewatch.ingest.sink.FrameSink;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP stream into one leg (or two, for a stereo stream): parses each datagram, validates its
 * source (RFC 3550 A.1), repairs timing in an {@link AdaptiveJitterBuffer}, decodes each packet by
 * its payload type and cuts 20 ms frames for the sink. RTCP (RFC 5761 §4) and RFC 4733 telephone
 * events are counted and kept out of the audio. Every datagram is counted once with its outcome;
 * nothing a datagram holds makes it throw.
 *
 * <p>A new source (the first, or an SSRC change) is held until it passes probation, then all of its
 * packets are played, continuing the legs' frame numbering with no gap. A sequence jump of the same
 * source that A.1 accepts one packet late is replayed the same way, so a restart loses nothing.
 *
 * <p>Owned by one receive thread: every method must be called from it.
 */
public final class RtpStreamReceiver {
  private static final Logger log = LoggerFactory.getLogger(RtpStreamReceiver.class);
  private static final IngestMetrics.Source RTP = IngestMetrics.Source.RTP;
  private static final long UNSET = Long.MIN_VALUE;
  private static final long JITTER_REPORT_NANOS = 1_000_000_000L;

  /** The longest packet accepted: 1 s of audio. */
  public static final int MAX_PACKET_SAMPLES = 8000;

  /** Datagrams of a new source held while it is on probation. */
  static final int PROBATION_HOLD = 8;

  private final String callId;
  private final PayloadMap payloads;
  private final IngestMetrics metrics;
  private final RtpPacket packet = new RtpPacket();
  private final TelephoneEvent event = new TelephoneEvent();
  private final LegPlayout playout;
  private final AdaptiveJitterBuffer buffer;
  private final InterarrivalJitter jitter = new InterarrivalJitter(PayloadFormat.CLOCK_RATE_HZ);
  private final HeldDatagrams probation = new HeldDatagrams(PROBATION_HOLD);
  private final HeldDatagrams jump = new HeldDatagrams(1);

  private SourceValidator active;
  private SourceValidator candidate;
  private long highestSeq = UNSET;
  private boolean audio;
  private int samples;
  private long received;
  private int ssrcChanges;
  private long lastArrivalNanos;
  private long lastJitterReportNanos = UNSET;
  private boolean finished;

  public RtpStreamReceiver(
      String callId,
      StreamLayout layout,
      PayloadMap payloads,
      JitterSettings jitter,
      FrameSink sink,
      IngestMetrics metrics) {
    this.callId = Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(layout, "layout");
    this.payloads = Objects.requireNonNull(payloads, "payloads");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    playout = new LegPlayout(callId, layout, Objects.requireNonNull(sink, "sink"), metrics);
    buffer = new AdaptiveJitterBuffer(jitter, playout);
  }

  /** Takes one datagram received at {@code arrivalNanos} (a monotonic clock, e.g. nanoTime). */
  public void onDatagram(byte[] buf, int offset, int length, long arrivalNanos) {
    PacketOutcome outcome;
    try {
      outcome = finished ? PacketOutcome.NO_LEG : handle(buf, offset, length, arrivalNanos);
      reportJitter(arrivalNanos);
    } catch (RuntimeException e) {
      log.debug("call {}: datagram dropped", callId, e);
      outcome = PacketOutcome.MALFORMED;
    }
    if (outcome != null) {
      metrics.packet(RTP, outcome);
    }
  }

  /** Gives up gaps that have waited long enough; call every ~10 ms. */
  public void onTick(long nowNanos) {
    if (finished) {
      return;
    }
    try {
      buffer.onTick(nowNanos);
      reportJitter(nowNanos);
    } catch (RuntimeException e) {
      log.debug("call {}: tick failed", callId, e);
    }
  }

  /** Ends the stream: plays out what is held, pads the last frames, records the loss ratio. */
  public void finish() {
    if (finished) {
      return;
    }
    if (candidate != null && active == null) {
      promote(); // a stream too short to finish probation still gets its audio
    }
    drop(probation);
    drop(jump);
    candidate = null;
    buffer.flush();
    playout.finish();
    finished = true;
    if (received + buffer.lost() > 0) {
      metrics.lossRatio(stats().lossRatio());
    }
  }

  /** Arrival time of the last datagram that parsed as RTP; 0 before the first. */
  public long lastArrivalNanos() {
    return lastArrivalNanos;
  }

  public RtpStreamStats stats() {
    return new RtpStreamStats(
        received,
        buffer.lost(),
        buffer.late(),
        buffer.duplicates(),
        playout.concealedFrames(),
        jitter.jitterMillis(),
        ssrcChanges);
  }

  /** The outcome of this datagram, or null when it is held and will be counted later. */
  private PacketOutcome handle(byte[] buf, int offset, int length, long arrivalNanos) {
    if (RtcpDetector.isRtcp(buf, offset, length)) {
      return PacketOutcome.RTCP;
    }
    if (!packet.parse(buf, offset, length)) {
      return PacketOutcome.MALFORMED;
    }
    lastArrivalNanos = arrivalNanos;
    PacketOutcome refused = classify(buf);
    if (refused != null) {
      return refused;
    }
    if (active != null && packet.ssrc() == active.ssrc()) {
      return fromActiveSource(buf, offset, length, arrivalNanos);
    }
    return fromNewSource(buf, offset, length, arrivalNanos);
  }

  /** Checks the parsed packet's payload; sets {@link #audio} and {@link #samples}. */
  private PacketOutcome classify(byte[] buf) {
    PayloadFormat format = payloads.format(packet.payloadType());
    if (format == null) {
      return PacketOutcome.UNKNOWN_PAYLOAD;
    }
    audio = format.encoding().isAudio();
    if (!audio) {
      samples = 0;
      return event.parse(buf, packet.payloadOffset(), packet.payloadLength())
          ? null
          : PacketOutcome.MALFORMED;
    }
    var decoder = playout.decoder(packet.payloadType(), format);
    if (decoder == null) {
      return PacketOutcome.UNKNOWN_PAYLOAD;
    }
    samples = decoder.samplesPerChannel(packet.payloadLength());
    return samples > 0 && samples <= MAX_PACKET_SAMPLES ? null : PacketOutcome.MALFORMED;
  }

  private PacketOutcome fromActiveSource(byte[] buf, int offset, int length, long arrivalNanos) {
    if (!active.update(packet.sequence())) {
      if (active.onProbation()) {
        return PacketOutcome.OUT_OF_SEQUENCE;
      }
      drop(jump); // a newer jump replaces it
      jump.add(buf, offset, length, arrivalNanos);
      return null;
    }
    if (active.restarted()) {
      // The sender restarted its numbering: the jump packet before this one belongs to it.
      restartTimeline();
      replay(jump);
      if (!packet.parse(buf, offset, length) || classify(buf) != null) {
        return PacketOutcome.MALFORMED; // cannot happen: it parsed a moment ago
      }
    } else {
      drop(jump);
    }
    return offer(buf, arrivalNanos);
  }

  private PacketOutcome fromNewSource(byte[] buf, int offset, int length, long arrivalNanos) {
    if (candidate == null || candidate.ssrc() != packet.ssrc()) {
      drop(probation);
      candidate = new SourceValidator(packet.ssrc(), packet.sequence());
    }
    if (probation.isFull()) {
      metrics.packet(RTP, PacketOutcome.OUT_OF_SEQUENCE);
      probation.removeFirst();
    }
    probation.add(buf, offset, length, arrivalNanos);
    if (candidate.update(packet.sequence())) {
      promote();
    }
    return null;
  }

  /** The candidate passed probation: it takes over and all its held packets are played. */
  private void promote() {
    if (active != null) {
      ssrcChanges++;
    }
    drop(jump);
    active = candidate;
    candidate = null;
    restartTimeline();
    replay(probation);
  }

  /** Offers held datagrams in sequence order (they arrived in any order), counting each. */
  private void replay(HeldDatagrams held) {
    int n = held.size();
    if (n == 0) {
      return;
    }
    int[] order = held.sequenceOrder(packet);
    for (int i : order) {
      PacketOutcome outcome = PacketOutcome.MALFORMED;
      if (packet.parse(held.buffer(i), 0, held.length(i)) && classify(held.buffer(i)) == null) {
        outcome = offer(held.buffer(i), held.arrivalNanos(i));
      }
      metrics.packet(RTP, outcome);
    }
    held.clear();
  }

  /** Offers the parsed packet, payload in {@code buf}, to the jitter buffer. */
  private PacketOutcome offer(byte[] buf, long arrivalNanos) {
    long seq =
        highestSeq == UNSET
            ? packet.sequence() + (long) SequenceNumbers.MODULUS
            : SequenceNumbers.extend(highestSeq, packet.sequence());
    highestSeq = highestSeq == UNSET ? seq : Math.max(highestSeq, seq);
    if (audio) {
      jitter.update(packet.timestamp(), arrivalNanos);
      buffer.adaptTo(jitter.jitterMillis());
    }
    PacketOutcome outcome =
        buffer.offer(
            seq,
            packet.timestamp(),
            packet.payloadType(),
            audio,
            buf,
            packet.payloadOffset(),
            packet.payloadLength(),
            samples,
            arrivalNanos);
    if (outcome == PacketOutcome.ACCEPTED) {
      received++;
      return audio ? PacketOutcome.ACCEPTED : PacketOutcome.TELEPHONE_EVENT;
    }
    return outcome;
  }

  private void restartTimeline() {
    buffer.restartTimeline();
    jitter.restart();
    highestSeq = UNSET;
    playout.resetDecoders();
  }

  private void drop(HeldDatagrams held) {
    for (int i = 0; i < held.size(); i++) {
      metrics.packet(RTP, PacketOutcome.OUT_OF_SEQUENCE);
    }
    held.clear();
  }

  private void reportJitter(long nowNanos) {
    if (active == null) {
      return;
    }
    if (lastJitterReportNanos == UNSET) {
      lastJitterReportNanos = nowNanos;
    } else if (nowNanos - lastJitterReportNanos >= JITTER_REPORT_NANOS) {
      lastJitterReportNanos = nowNanos;
      metrics.jitterMs(jitter.jitterMillis());
    }
  }
}
