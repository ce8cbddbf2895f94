package io.tonewatch.alerting.repeat;

import java.time.Instant;
import java.util.Objects;

/**
 * A call that escalated, by the caller's number hash.
 *
 * @param summary what happened, in a few words a specialist understands, e.g. {@code mutual
 *     escalation}; never the number
 */
public record Escalation(String callerHash, String callId, Instant escalatedAt, String summary) {
  public Escalation {
    Objects.requireNonNull(callerHash, "callerHash");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(escalatedAt, "escalatedAt");
    summary = summary == null ? "" : summary;
    if (!callerHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("callerHash is not a hex SHA-256");
    }
  }
}
