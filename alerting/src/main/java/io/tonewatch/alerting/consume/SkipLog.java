package io.tonewatch.alerting.consume;

import org.slf4j.Logger;

/**
 * Logs records that did not decode, with topic, partition and offset: the first few at WARN, then
 * one in a thousand, so bad input cannot flood the log. Owned by the loop thread.
 */
final class SkipLog {
  private static final int ALWAYS = 20;
  private static final int THEN_EVERY = 1_000;

  private final Logger log;
  private long skipped;

  SkipLog(Logger log) {
    this.log = log;
  }

  void skipped(String topic, int partition, long offset, String why) {
    skipped++;
    if (skipped <= ALWAYS || skipped % THEN_EVERY == 0) {
      log.warn(
          "alerting: skipped the record at {}-{} offset {} ({} so far): {}",
          topic,
          partition,
          offset,
          skipped,
          why);
    }
  }
}
