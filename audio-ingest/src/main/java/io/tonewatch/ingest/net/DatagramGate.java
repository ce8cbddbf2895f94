package io.tonewatch.ingest.net;

import io.tonewatch.ingest.metrics.PacketOutcome;
import java.net.InetAddress;

/**
 * The checks every datagram passes before any parsing, cheapest first: size ({@code OVERSIZED}),
 * source network ({@code REJECTED_SOURCE}), then the per-source rate ({@code RATE_LIMITED}; only
 * datagrams that got this far take a token). Not thread-safe: owned by the UDP loop thread.
 */
final class DatagramGate {
  private final int maxDatagramBytes;
  private final SourceFilter sourceFilter;
  private final RateLimiter rateLimiter;

  DatagramGate(int maxDatagramBytes, SourceFilter sourceFilter, RateLimiter rateLimiter) {
    this.maxDatagramBytes = maxDatagramBytes;
    this.sourceFilter = sourceFilter;
    this.rateLimiter = rateLimiter;
  }

  /** Null when the datagram may go on, else the outcome to count it with. */
  PacketOutcome refuse(InetAddress source, int length, long arrivalNanos) {
    if (length > maxDatagramBytes) {
      return PacketOutcome.OVERSIZED;
    }
    if (!sourceFilter.allows(source)) {
      return PacketOutcome.REJECTED_SOURCE;
    }
    if (!rateLimiter.tryAcquire(source, arrivalNanos)) {
      return PacketOutcome.RATE_LIMITED;
    }
    return null;
  }
}
