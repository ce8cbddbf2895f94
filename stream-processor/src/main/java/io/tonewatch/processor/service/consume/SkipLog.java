package io.tonewatch.processor.service.consume;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;

/**
 * Logs skipped records with topic, partition and offset: each of the first few once at WARN, then
 * one line in every thousand, so a flood of bad input cannot flood the log. Owned by one thread.
 */
final class SkipLog {
  static final int ALWAYS = 20;
  static final int THEN_EVERY = 1_000;

  private final Logger log;
  private long skipped;

  SkipLog(Logger log) {
    this.log = log;
  }

  void skipped(TopicPartition tp, long offset, String why) {
    skipped++;
    if (skipped <= ALWAYS || skipped % THEN_EVERY == 0) {
      log.warn(
          "process: skipped the record at {} offset {} ({} skipped so far): {}",
          tp,
          offset,
          skipped,
          why);
    }
  }
}
