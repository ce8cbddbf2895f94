package io.tonewatch.ingest.jitter;

import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.rtp.RtpTimestamps;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stream's jitter buffer, tuned for an analyser rather than a loudspeaker: a packet that
 * arrives in order is played out at once (zero added delay). Only a gap in the sequence numbers
 * makes it hold the packets behind it, until the missing one arrives or the oldest held packet has
 * waited the current delay (a few times the RFC 3550 A.8 jitter plus one packet time, clamped to
 * the settings); then the gap is given up as lost and playout goes on. At most {@code
 * maxDelayMillis} of packets (and never more than {@value #CAPACITY} packets) are held; more force
 * the oldest gap out at once, and a packet {@value #CAPACITY} or more sequence numbers ahead gives
 * up everything missing before it.
 *
 * <p>Packets are ordered by extended sequence number and placed on the timeline by their RTP
 * timestamps, in samples: whatever the timestamps skip (lost packets, event-only spans, silence
 * suppression) is reported to the listener to fill in, at most {@code maxConcealMillis} per gap and
 * nothing for jumps beyond {@code resyncMillis}, after which the timeline simply continues. A
 * packet whose slot was already played is a {@code DUPLICATE}; one whose slot was given up is
 * {@code LATE}. Mutable, owned by the stream's receive thread.
 */
public final class AdaptiveJitterBuffer {
  /** Slots in the ring of held and recently played packets. */
  public static final int CAPACITY = 64;

  /** The delay is this many times the interarrival jitter, plus one packet time. */
  static final double JITTER_MULTIPLE = 4.0;

  private static final int MASK = CAPACITY - 1;
  private static final int SAMPLES_PER_MS = 8;
  private static final byte HELD = 1;
  private static final byte PLAYED = 2;
  private static final long UNSET = Long.MIN_VALUE;

  private final JitterSettings settings;
  private final PlayoutListener listener;
  private final long[] slotSeq = new long[CAPACITY];
  private final byte[] slotState = new byte[CAPACITY];
  private final long[] slotTimestamp = new long[CAPACITY];
  private final long[] slotArrivalNanos = new long[CAPACITY];
  private final int[] slotPayloadType = new int[CAPACITY];
  private final int[] slotSamples = new int[CAPACITY];
  private final int[] slotLength = new int[CAPACITY];
  private final boolean[] slotAudio = new boolean[CAPACITY];
  private final byte[][] slotPayload = new byte[CAPACITY][];

  private long nextSeq = UNSET;
  private int held;
  private long holdSinceNanos;
  private boolean rebase = true;
  private long lastTimestamp = UNSET;
  private long timestampOffset; // timeline position = extended timestamp + offset
  private long timelineSamples;
  private int packetSamples = 160;
  private long delayNanos;
  private long lost;
  private long late;
  private long duplicates;
  private long concealedSamples;

  public AdaptiveJitterBuffer(JitterSettings settings, PlayoutListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    adaptTo(0);
  }

  /**
   * Offers one validated packet: extended sequence number, RTP timestamp, and its payload {@code
   * buf[offset..offset+length)} of {@code samples} samples per channel ({@code audio} false for a
   * telephone event, which takes its sequence number but no place on the timeline). The payload is
   * copied if it has to wait. Returns ACCEPTED, DUPLICATE or LATE.
   */
  public PacketOutcome offer(
      long seq,
      long timestamp,
      int payloadType,
      boolean audio,
      byte[] buf,
      int offset,
      int length,
      int samples,
      long arrivalNanos) {
    if (nextSeq == UNSET) {
      nextSeq = seq;
    }
    if (seq < nextSeq) {
      int idx = (int) (seq & MASK);
      if (slotSeq[idx] == seq && slotState[idx] == PLAYED) {
        duplicates++;
        return PacketOutcome.DUPLICATE;
      }
      late++;
      return PacketOutcome.LATE;
    }
    if (audio && samples > 0) {
      packetSamples = samples;
    }
    if (seq == nextSeq && held == 0) { // in order: no wait
      play(seq, timestamp, payloadType, audio, buf, offset, length, samples);
      nextSeq++;
      return PacketOutcome.ACCEPTED;
    }
    int idx = (int) (seq & MASK);
    if (seq - nextSeq < CAPACITY && slotState[idx] == HELD && slotSeq[idx] == seq) {
      duplicates++;
      return PacketOutcome.DUPLICATE;
    }
    if (seq - nextSeq >= CAPACITY) {
      advanceTo(seq); // beyond the window: nothing before it is worth waiting for
    }
    hold(idx, seq, timestamp, payloadType, audio, buf, offset, length, samples, arrivalNanos);
    drain();
    while (held > maxHeld()) {
      skipGap();
    }
    expire(arrivalNanos);
    return PacketOutcome.ACCEPTED;
  }

  /** Gives up gaps whose held packets have waited longer than the current delay. */
  public void onTick(long nowNanos) {
    expire(nowNanos);
  }

  /** Sets the delay from the current interarrival jitter in ms (RFC 3550 A.8). */
  public void adaptTo(double jitterMillis) {
    double wantedMillis = JITTER_MULTIPLE * jitterMillis + packetSamples / (double) SAMPLES_PER_MS;
    double clamped =
        Math.max(settings.minDelayMillis(), Math.min(settings.maxDelayMillis(), wantedMillis));
    delayNanos = (long) (clamped * 1e6);
  }

  /** Plays out everything held, giving up the gaps between (at the end of a stream). */
  public void flush() {
    while (held > 0) {
      skipGap();
    }
  }

  /**
   * Flushes, then starts a new sequence and timestamp numbering (a new source, or a restart the
   * source validator accepted): the next packet offered continues the timeline with no gap.
   */
  public void restartTimeline() {
    flush();
    nextSeq = UNSET;
    rebase = true;
    lastTimestamp = UNSET;
    Arrays.fill(slotState, (byte) 0);
  }

  private void hold(
      int idx,
      long seq,
      long timestamp,
      int payloadType,
      boolean audio,
      byte[] buf,
      int offset,
      int length,
      int samples,
      long arrivalNanos) {
    byte[] copy = slotPayload[idx];
    if (copy == null || copy.length < length) {
      copy = new byte[Math.max(length, 2 * packetSamples)];
      slotPayload[idx] = copy;
    }
    System.arraycopy(buf, offset, copy, 0, length);
    slotSeq[idx] = seq;
    slotState[idx] = HELD;
    slotTimestamp[idx] = timestamp;
    slotArrivalNanos[idx] = arrivalNanos;
    slotPayloadType[idx] = payloadType;
    slotSamples[idx] = samples;
    slotLength[idx] = length;
    slotAudio[idx] = audio;
    if (held++ == 0) {
      holdSinceNanos = arrivalNanos;
    }
  }

  private void expire(long nowNanos) {
    while (held > 0 && nowNanos - holdSinceNanos > delayNanos) {
      skipGap();
    }
  }

  private int maxHeld() {
    int bySettings = settings.maxDelayMillis() * SAMPLES_PER_MS / Math.max(1, packetSamples);
    return Math.max(1, Math.min(CAPACITY - 1, bySettings));
  }

  /** Plays the held packets that follow on from {@code nextSeq}. */
  private void drain() {
    boolean released = false;
    while (held > 0) {
      int idx = (int) (nextSeq & MASK);
      if (slotState[idx] != HELD || slotSeq[idx] != nextSeq) {
        break;
      }
      release(idx);
      nextSeq++;
      released = true;
    }
    if (released) {
      refreshHoldSince();
    }
  }

  /** The hold started when the earliest of the packets still held arrived. */
  private void refreshHoldSince() {
    if (held == 0) {
      return;
    }
    holdSinceNanos = Long.MAX_VALUE;
    for (int i = 0; i < CAPACITY; i++) {
      if (slotState[i] == HELD) {
        holdSinceNanos = Math.min(holdSinceNanos, slotArrivalNanos[i]);
      }
    }
  }

  /** Gives up the missing packets before the first held one, then plays on. */
  private void skipGap() {
    if (held == 0) {
      return;
    }
    while (slotState[(int) (nextSeq & MASK)] != HELD
        || slotSeq[(int) (nextSeq & MASK)] != nextSeq) {
      lost++;
      nextSeq++;
    }
    drain();
  }

  private void advanceTo(long target) {
    while (nextSeq < target) {
      if (held == 0) {
        lost += target - nextSeq;
        nextSeq = target;
        return;
      }
      int idx = (int) (nextSeq & MASK);
      if (slotState[idx] == HELD && slotSeq[idx] == nextSeq) {
        release(idx);
      } else {
        lost++;
      }
      nextSeq++;
    }
    refreshHoldSince();
  }

  private void release(int idx) {
    held--;
    play(
        slotSeq[idx],
        slotTimestamp[idx],
        slotPayloadType[idx],
        slotAudio[idx],
        slotPayload[idx],
        0,
        slotLength[idx],
        slotSamples[idx]);
  }

  private void play(
      long seq,
      long timestamp,
      int payloadType,
      boolean audio,
      byte[] buf,
      int offset,
      int length,
      int samples) {
    int idx = (int) (seq & MASK);
    slotSeq[idx] = seq;
    slotState[idx] = PLAYED;
    if (!audio) {
      return;
    }
    long extended =
        lastTimestamp == UNSET ? timestamp : RtpTimestamps.extend(lastTimestamp, timestamp);
    lastTimestamp = extended;
    if (rebase) {
      timestampOffset = timelineSamples - extended;
      rebase = false;
    }
    long gap = extended + timestampOffset - timelineSamples;
    if (gap > 0) {
      long fill =
          gap > (long) settings.resyncMillis() * SAMPLES_PER_MS
              ? 0
              : Math.min(gap, (long) settings.maxConcealMillis() * SAMPLES_PER_MS);
      if (fill > 0) {
        concealedSamples += fill;
        timelineSamples += fill;
        listener.onConceal((int) fill);
      }
      timestampOffset -= gap - fill;
    } else if (gap < 0) {
      timestampOffset -= gap; // overlaps what was played: start it where the timeline is
    }
    listener.onAudio(payloadType, buf, offset, length, samples);
    timelineSamples += samples;
  }

  /** Sequence numbers given up as lost (never played). */
  public long lost() {
    return lost;
  }

  public long late() {
    return late;
  }

  public long duplicates() {
    return duplicates;
  }

  /** Samples per channel filled in so far. */
  public long concealedSamples() {
    return concealedSamples;
  }

  /** Samples per channel on the timeline so far, audio and filled in. */
  public long timelineSamples() {
    return timelineSamples;
  }

  /** Packets held behind a gap now. */
  public int held() {
    return held;
  }

  /** How long a packet behind a gap may wait now, in ms. */
  public double currentDelayMillis() {
    return delayNanos / 1e6;
  }
}
