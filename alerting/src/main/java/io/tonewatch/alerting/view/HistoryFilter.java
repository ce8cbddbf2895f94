package io.tonewatch.alerting.view;

import java.time.Instant;

/**
 * What the history view asks for; null fields match everything.
 *
 * @param callId only this call
 * @param team only this team (still limited to the viewer's teams)
 * @param what only this type of entry
 * @param from entries at or after
 * @param to entries before
 * @param limit at most this many, newest first
 */
public record HistoryFilter(
    String callId, String team, String what, Instant from, Instant to, int limit) {

  public HistoryFilter {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
  }
}
