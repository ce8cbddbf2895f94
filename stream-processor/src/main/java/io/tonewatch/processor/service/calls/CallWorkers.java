package io.tonewatch.processor.service.calls;

import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.FrameBatch;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.metrics.ProcessMetrics;
import io.tonewatch.processor.service.offsets.CallHold;
import io.tonewatch.processor.service.publish.EventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * The fixed pool of engine threads. Every task of a call goes to the same shard (by call id), so a
 * call's messages keep their order and its analyser is only ever touched by one thread; no call has
 * a thread of its own. Thread-safety: {@link #submit} and {@link #broadcast} from the consumer
 * thread; {@link #close} once.
 */
public final class CallWorkers implements AutoCloseable {
  private static final long OFFER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final List<CallShard> shards = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  public CallWorkers(
      ProcessConfig config, EventSink sink, ProcessMetrics metrics, LongSupplier nanoTime) {
    for (int i = 0; i < config.workers(); i++) {
      CallShard shard =
          new CallShard(
              config,
              sink,
              metrics,
              nanoTime,
              System::currentTimeMillis,
              new ArrayBlockingQueue<>(config.workerQueueRecords()));
      Thread thread = new Thread(shard, "tonewatch-engine-" + i);
      thread.setDaemon(true);
      shards.add(shard);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    metrics.gauge(
        "worker.queued",
        "Records waiting for the engine threads (bounded by process.worker-queue-records each)",
        () -> shards.stream().mapToInt(shard -> shard.queue().size()).sum());
  }

  /**
   * Queues {@code task} for the shard of {@code callId}, waiting while that shard is full (the
   * consumer slows down instead of holding more in memory); false when {@code stop} said so first.
   */
  boolean submit(String callId, ShardTask task, BooleanSupplier stop) throws InterruptedException {
    CallShard shard = shards.get(Math.floorMod(callId.hashCode(), shards.size()));
    while (!shard.queue().offer(task, OFFER_NANOS, TimeUnit.NANOSECONDS)) {
      if (stop.getAsBoolean()) {
        return false;
      }
    }
    return true;
  }

  /** Queues a start; see {@link #submit}. */
  public boolean start(CallStarted started, CallHold hold, boolean replay, BooleanSupplier stop)
      throws InterruptedException {
    return submit(started.callId(), new ShardTask.Start(started, hold, replay), stop);
  }

  /** Queues a frame, a frame batch or an end of call; see {@link #submit}. */
  public boolean message(AudioMessage message, long recordEpochMs, BooleanSupplier stop)
      throws InterruptedException {
    ShardTask task;
    if (message instanceof AudioFrame frame) {
      task = new ShardTask.Frame(frame, recordEpochMs);
    } else if (message instanceof FrameBatch batch) {
      task = new ShardTask.Frames(batch, recordEpochMs);
    } else {
      task = new ShardTask.End((CallEnded) message, recordEpochMs);
    }
    return submit(message.callId(), task, stop);
  }

  /**
   * Forgets the calls of {@code partitions} once every shard reached this point; false on timeout.
   */
  public boolean drop(Set<TopicPartition> partitions, Duration timeout)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(shards.size());
    return broadcast(new ShardTask.Drop(Set.copyOf(partitions), done), done, timeout);
  }

  /** Waits until every task queued so far is done; false on timeout. */
  public boolean awaitQueued(Duration timeout) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(shards.size());
    return broadcast(new ShardTask.Barrier(done), done, timeout);
  }

  private boolean broadcast(ShardTask task, CountDownLatch done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (CallShard shard : shards) {
      long left = deadline - System.nanoTime();
      if (!shard.queue().offer(task, Math.max(0, left), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Stops the engine threads; open calls are left unclosed for the next owner to replay. */
  @Override
  public void close() {
    shards.forEach(CallShard::stop);
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
