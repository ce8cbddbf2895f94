package io.tonewatch.ingest.net;

import java.util.Locale;

/** How static mode pairs new RTP sources into calls ({@code ingest.static.pair-by}). */
public enum PairBy {
  /** Ports P and P+2 (P the first of each group of four from port-min) are one call's two legs. */
  PORT,
  /** The first two new sources within the pair window are one call: customer, then agent. */
  ARRIVAL,
  /** Every new source is a call of its own with a single customer leg. */
  NONE;

  /** The config value, e.g. {@code arrival}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
