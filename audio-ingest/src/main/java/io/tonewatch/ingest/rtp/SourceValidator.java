package io.tonewatch.ingest.rtp;

/**
 * Sequence-number validation of one synchronization source, RFC 3550 Appendix A.1: a new source is
 * on probation until {@link #MIN_SEQUENTIAL} packets arrive in sequence; afterwards jumps of up to
 * {@link #MAX_DROPOUT} ahead and {@link #MAX_MISORDER} behind are accepted, and a larger jump is
 * accepted only when the packet after it follows it (the {@code bad_seq} rule), which restarts the
 * count. Tracks wrap cycles for the extended highest sequence number. Mutable, owned by the
 * stream's receive thread.
 */
public final class SourceValidator {
  public static final int MIN_SEQUENTIAL = 2;
  public static final int MAX_DROPOUT = 3000;
  public static final int MAX_MISORDER = 100;

  private static final int SEQ_MOD = SequenceNumbers.MODULUS;

  private final long ssrc;
  private int maxSeq;
  private long cycles;
  private int baseSeq;
  private int badSeq;
  private int probation;
  private long received;
  private boolean restarted;

  /** Starts a source on probation with its first packet's sequence number (A.1 "new source"). */
  public SourceValidator(long ssrc, int firstSequence) {
    this.ssrc = ssrc;
    init(firstSequence);
    maxSeq = (firstSequence - 1) & (SEQ_MOD - 1);
    probation = MIN_SEQUENTIAL;
  }

  private void init(int seq) {
    baseSeq = seq;
    maxSeq = seq;
    badSeq = SEQ_MOD + 1; // so seq == badSeq is false
    cycles = 0;
    received = 0;
  }

  /**
   * A.1 {@code update_seq}: true when the packet is valid. After a true return, {@link
   * #restarted()} says whether it restarted the sequence (end of probation or an accepted jump).
   */
  public boolean update(int seq) {
    restarted = false;
    int udelta = (seq - maxSeq) & (SEQ_MOD - 1);
    if (probation > 0) {
      if (seq == ((maxSeq + 1) & (SEQ_MOD - 1))) {
        probation--;
        maxSeq = seq;
        if (probation == 0) {
          init(seq);
          received++;
          restarted = true;
          return true;
        }
      } else {
        probation = MIN_SEQUENTIAL - 1;
        maxSeq = seq;
      }
      return false;
    } else if (udelta < MAX_DROPOUT) {
      if (seq < maxSeq) {
        cycles += SEQ_MOD; // wrapped
      }
      maxSeq = seq;
    } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
      if (seq == badSeq) {
        // Two sequential packets after a big jump: the other side restarted, so do we.
        init(seq);
        restarted = true;
      } else {
        badSeq = (seq + 1) & (SEQ_MOD - 1);
        return false;
      }
    }
    // else: a duplicate or a packet reordered within MAX_MISORDER, valid
    received++;
    return true;
  }

  /** Whether the last valid packet restarted the sequence (probation ended, or a big jump). */
  public boolean restarted() {
    return restarted;
  }

  public boolean onProbation() {
    return probation > 0;
  }

  public long ssrc() {
    return ssrc;
  }

  /** Cycles (multiples of 2^16) plus the highest sequence number seen: A.1 extended max. */
  public long extendedMax() {
    return cycles + maxSeq;
  }

  /** Packets expected since the last restart: extended max - base + 1 (A.3). */
  public long expected() {
    return extendedMax() - baseSeq + 1;
  }

  /** Valid packets since the last restart, duplicates included as A.1 counts them. */
  public long received() {
    return received;
  }
}
