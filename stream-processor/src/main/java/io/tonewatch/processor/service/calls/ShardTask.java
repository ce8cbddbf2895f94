package io.tonewatch.processor.service.calls;

import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.FrameBatch;
import io.tonewatch.processor.service.offsets.CallHold;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.TopicPartition;

/** What the consumer thread hands one engine thread, in the order of the partition. */
sealed interface ShardTask {

  /** A call begins; {@code replay} when its start was read again after an assignment. */
  record Start(CallStarted started, CallHold hold, boolean replay) implements ShardTask {}

  /** One frame, with the time its record was produced (the capture time). */
  record Frame(AudioFrame frame, long recordEpochMs) implements ShardTask {}

  /** Consecutive frames of one leg from one record, the first captured at {@code recordEpochMs}. */
  record Frames(FrameBatch batch, long recordEpochMs) implements ShardTask {}

  /** A call ends. */
  record End(CallEnded ended, long recordEpochMs) implements ShardTask {}

  /** The partitions moved away: forget their calls without closing them (the new owner will). */
  record Drop(Set<TopicPartition> partitions, CountDownLatch done) implements ShardTask {}

  /** Counts down once everything queued before it is done. */
  record Barrier(CountDownLatch done) implements ShardTask {}
}
