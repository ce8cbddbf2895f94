package io.tonewatch.ingest.publish;

import io.tonewatch.ingest.metrics.IngestMetrics.PublishError;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * At most one WARN line per error kind every 10 s, so an outage or a poisoned producer cannot flood
 * the log; the errors meter counts every occurrence. Thread-safe (sender and producer I/O thread).
 */
final class PublishWarnings {
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Logger log;
  private final LongSupplier nanoTime;
  private final AtomicLongArray lastNanos = new AtomicLongArray(PublishError.values().length);
  private final AtomicLongArray logged = new AtomicLongArray(PublishError.values().length);

  PublishWarnings(Logger log, LongSupplier nanoTime) {
    this.log = log;
    this.nanoTime = nanoTime;
  }

  void warn(PublishError kind, String message) {
    int i = kind.ordinal();
    long now = nanoTime.getAsLong();
    long last = lastNanos.get(i);
    boolean first = logged.get(i) == 0;
    if ((first || now - last >= INTERVAL_NANOS) && lastNanos.compareAndSet(i, last, now)) {
      logged.incrementAndGet(i);
      log.warn("publish error {}: {} (further ones for 10 s only counted)", kind, message);
    }
  }
}
