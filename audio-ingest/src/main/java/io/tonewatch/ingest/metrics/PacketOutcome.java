package io.tonewatch.ingest.metrics;

import java.util.Locale;

/** What became of one received packet or message: the {@code outcome} tag, a small fixed set. */
public enum PacketOutcome {
  /** Parsed, in sequence or repaired, and its audio went on. */
  ACCEPTED,
  /** A second copy of a packet already held or played out. */
  DUPLICATE,
  /** Arrived after its slot was played out (or concealed). */
  LATE,
  /** Not a well-formed packet or message: truncated, wrong version, bad lengths, bad JSON... */
  MALFORMED,
  /** Well-formed, but a payload type or codec this leg does not carry. */
  UNKNOWN_PAYLOAD,
  /** An RFC 4733 telephone event: recognised and kept out of the audio. */
  TELEPHONE_EVENT,
  /** RTCP, on the RTP port or on port+1: tolerated and not analysed. */
  RTCP,
  /** A source still on probation (RFC 3550 A.1) or a packet far outside the sequence window. */
  OUT_OF_SEQUENCE,
  /** From an address outside the allowed networks. */
  REJECTED_SOURCE,
  /** Over the per-source packet-rate limit. */
  RATE_LIMITED,
  /** Larger than the largest datagram or message accepted. */
  OVERSIZED,
  /** No call or leg knows this port, source or stream, or the leg limit is reached. */
  NO_LEG,
  /** Refused for a missing or wrong auth token. */
  UNAUTHORIZED;

  /** The tag value: lowercase, e.g. {@code unknown_payload}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
