package io.tonewatch.ingest.net;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source address ({@code ingest.source-rate-limit-pps}): each address may send
 * {@code packetsPerSecond} on average and a burst of one second's worth. At most {@code maxSources}
 * buckets are kept; the least recently seen address is forgotten first (it comes back with a full
 * bucket). Not thread-safe: owned by the UDP receive thread.
 */
public final class RateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long packetsPerSecond;
  private final long capacityNanos; // a bucket holds tokens as nanoseconds of credit
  private final long nanosPerPacket;
  private final Map<InetAddress, long[]> buckets;

  /** {@code packetsPerSecond == 0} lets everything through. */
  public RateLimiter(int packetsPerSecond, int maxSources) {
    if (packetsPerSecond < 0 || maxSources < 1) {
      throw new IllegalArgumentException(
          "need packetsPerSecond >= 0 and maxSources >= 1, were "
              + packetsPerSecond
              + " and "
              + maxSources);
    }
    this.packetsPerSecond = packetsPerSecond;
    this.nanosPerPacket = packetsPerSecond == 0 ? 0 : NANOS_PER_SECOND / packetsPerSecond;
    this.capacityNanos = NANOS_PER_SECOND;
    this.buckets =
        new LinkedHashMap<>(Math.min(maxSources, 1024), 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<InetAddress, long[]> eldest) {
            return size() > maxSources;
          }
        };
  }

  /** Takes one token for {@code source} at {@code nowNanos}; false when its bucket is empty. */
  public boolean tryAcquire(InetAddress source, long nowNanos) {
    if (packetsPerSecond == 0) {
      return true;
    }
    long[] bucket = buckets.get(source); // {credit in nanos, last refill time}
    if (bucket == null) {
      bucket = new long[] {capacityNanos, nowNanos};
      buckets.put(source, bucket);
    } else {
      long elapsed = Math.max(0, nowNanos - bucket[1]);
      bucket[0] = Math.min(capacityNanos, bucket[0] + elapsed);
      bucket[1] = nowNanos;
    }
    if (bucket[0] < nanosPerPacket) {
      return false;
    }
    bucket[0] -= nanosPerPacket;
    return true;
  }

  /** Addresses with a bucket now. */
  public int trackedSources() {
    return buckets.size();
  }
}
