package io.tonewatch.processor.service.calls;

import io.tonewatch.events.CallRecord;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.service.config.ProcessConfig;
import io.tonewatch.processor.service.metrics.ProcessMetrics;
import io.tonewatch.processor.service.metrics.ProcessMetrics.CallEnd;
import io.tonewatch.processor.service.metrics.ProcessMetrics.Skip;
import io.tonewatch.processor.service.publish.EventSink;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine thread's calls: a bounded queue of tasks in, one {@code CallAnalyzer} per call. A call
 * is closed by its {@code CallEnded} or when no frame came for the media timeout. The live-call cap
 * is shared by all shards. Thread: everything but {@link #queue()} is owned by the shard's thread.
 */
final class CallShard implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(CallShard.class);
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final ProcessConfig config;
  private final DetectorSettings settings;
  private final EventSink sink;
  private final ProcessMetrics metrics;
  private final LongSupplier nanoTime;
  private final LongSupplier epochMillis;
  private final BlockingQueue<ShardTask> queue;
  private final Map<String, LiveCall> calls = new HashMap<>();
  private final long mediaTimeoutNanos;
  private long lastExpiryNanos;
  private volatile boolean running = true;

  CallShard(
      ProcessConfig config,
      EventSink sink,
      ProcessMetrics metrics,
      LongSupplier nanoTime,
      LongSupplier epochMillis,
      BlockingQueue<ShardTask> queue) {
    this.config = config;
    this.settings =
        new DetectorSettings(config.agentAlerts(), DetectorSettings.defaults().raisedVoiceRule());
    this.sink = sink;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
    this.epochMillis = epochMillis;
    this.queue = queue;
    this.mediaTimeoutNanos = TimeUnit.SECONDS.toNanos(config.mediaTimeoutSeconds());
    this.lastExpiryNanos = nanoTime.getAsLong();
  }

  BlockingQueue<ShardTask> queue() {
    return queue;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    try {
      while (running) {
        ShardTask task = queue.poll(TICK_NANOS, TimeUnit.NANOSECONDS);
        if (task != null) {
          handle(task);
        }
        expireIdleCalls();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      metrics.liveCalls().addAndGet(-calls.size());
      calls.clear(); // not closed: whoever reads the partitions next replays them
    }
  }

  void handle(ShardTask task) {
    if (task instanceof ShardTask.Start start) {
      start(start);
    } else if (task instanceof ShardTask.Frame frame) {
      frame(frame.frame(), frame.recordEpochMs());
    } else if (task instanceof ShardTask.Frames frames) {
      List<AudioFrame> batch = frames.batch().frames();
      for (int i = 0; i < batch.size(); i++) {
        long captureEpochMs = frames.recordEpochMs() + frames.batch().captureOffsetsMs()[i];
        if (!frame(batch.get(i), captureEpochMs)) {
          return;
        }
      }
    } else if (task instanceof ShardTask.End end) {
      LiveCall call = calls.remove(end.ended().callId());
      if (call == null) {
        metrics.skipped(Skip.UNKNOWN_CALL);
        return;
      }
      close(call, end.recordEpochMs(), CallEnd.valueOf(end.ended().reason().name()));
    } else if (task instanceof ShardTask.Drop drop) {
      int before = calls.size();
      calls.values().removeIf(call -> drop.partitions().contains(call.hold().topicPartition()));
      metrics.liveCalls().addAndGet(calls.size() - before);
      drop.done().countDown();
    } else if (task instanceof ShardTask.Barrier barrier) {
      barrier.done().countDown();
    }
  }

  private void start(ShardTask.Start start) {
    CallStarted started = start.started();
    if (calls.containsKey(started.callId())) {
      metrics.skipped(Skip.DUPLICATE_START);
      start.hold().finish();
      return;
    }
    if (metrics.liveCalls().incrementAndGet() > config.maxCalls()) {
      metrics.liveCalls().decrementAndGet();
      metrics.skipped(Skip.OVER_CAP);
      log.warn(
          "process: call {} not analysed: {} calls are live (process.max-calls)",
          started.callId(),
          config.maxCalls());
      start.hold().finish();
      return;
    }
    if (start.replay()) {
      metrics.callReplayed();
    }
    calls.put(
        started.callId(),
        new LiveCall(
            started, start.hold(), sink, settings, config.summaries(), nanoTime.getAsLong()));
    sink.call(
        CallRecord.started(started.callId(), started.startedAt(), started.metadata()),
        start.hold());
  }

  /** Analyses one frame; false when its call is not (or no longer) live. */
  private boolean frame(AudioFrame frame, long recordEpochMs) {
    LiveCall call = calls.get(frame.callId());
    if (call == null) {
      metrics.skipped(Skip.UNKNOWN_CALL);
      return false;
    }
    long startNanos = nanoTime.getAsLong();
    try {
      call.onFrame(frame, recordEpochMs, startNanos);
    } catch (RuntimeException e) {
      // A fault of the engine on one call must not take the other calls of this thread down.
      log.error("process: call {} dropped: the engine failed on a frame", call.callId(), e);
      calls.remove(call.callId());
      metrics.liveCalls().decrementAndGet();
      call.hold().finish();
      return false;
    }
    metrics.frameAnalysed(
        nanoTime.getAsLong() - startNanos, epochMillis.getAsLong() - recordEpochMs);
    return true;
  }

  /** Closes the calls that had no frame for the media timeout; checks once a second. */
  void expireIdleCalls() {
    long now = nanoTime.getAsLong();
    if (now - lastExpiryNanos < TimeUnit.SECONDS.toNanos(1)) {
      return;
    }
    lastExpiryNanos = now;
    Iterator<LiveCall> it = calls.values().iterator();
    while (it.hasNext()) {
      LiveCall call = it.next();
      if (now - call.lastMediaNanos() >= mediaTimeoutNanos) {
        it.remove();
        log.info(
            "process: call {} closed: no media for {} s",
            call.callId(),
            config.mediaTimeoutSeconds());
        close(call, -1, CallEnd.MEDIA_TIMEOUT);
      }
    }
  }

  private void close(LiveCall call, long captureEpochMs, CallEnd reason) {
    metrics.liveCalls().decrementAndGet();
    metrics.callEnded(reason);
    call.finish(captureEpochMs, reason.name().toLowerCase(Locale.ROOT));
  }
}
