package io.tonewatch.processor.service.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.CallRecord;
import io.tonewatch.events.Leg;
import io.tonewatch.events.LegSummary;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.processor.service.config.ProcessConfigLoader;
import io.tonewatch.processor.service.metrics.ProcessMetrics;
import io.tonewatch.processor.service.offsets.CallHold;
import io.tonewatch.processor.service.offsets.CommitLedger;
import io.tonewatch.processor.service.publish.EventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** One shard driven by hand on the test thread, with a fake clock and a recording sink. */
class CallShardTest {
  private static final TopicPartition TP = new TopicPartition("audio", 0);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProcessMetrics metrics = new ProcessMetrics(registry);
  private final CommitLedger ledger = new CommitLedger();
  private final List<AlertEvent> alerts = new ArrayList<>();
  private final List<LegSummary> summaries = new ArrayList<>();
  private final List<CallRecord> calls = new ArrayList<>();
  private long nowNanos = 1_000;
  private final CallShard shard =
      new CallShard(
          ProcessConfigLoader.fromMap(
              Map.of("process.max-calls", "2", "process.media-timeout-seconds", "5")),
          new RecordingSink(),
          metrics,
          () -> nowNanos,
          () -> 1_000_000,
          new ArrayBlockingQueue<>(16));

  private final class RecordingSink implements EventSink {
    @Override
    public void alert(AlertEvent event, CallHold hold, long captureEpochMs) {
      alerts.add(event);
    }

    @Override
    public void call(CallRecord record, CallHold hold) {
      calls.add(record);
    }

    @Override
    public void summary(LegSummary summary, CallHold hold) {
      summaries.add(summary);
    }
  }

  CallShardTest() {
    ledger.assigned(List.of(TP));
  }

  private CallHold start(String callId, long offset) {
    CallHold hold = ledger.hold(TP, offset);
    ledger.read(TP, offset);
    shard.handle(
        new ShardTask.Start(
            new CallStarted(
                callId, Instant.EPOCH, EnumSet.allOf(Leg.class), Map.of("team", "north")),
            hold,
            false));
    return hold;
  }

  private void frames(String callId, int count) {
    for (int i = 0; i < count; i++) {
      for (Leg leg : Leg.values()) {
        short[] silence = new short[AudioFrame.SAMPLES];
        shard.handle(
            new ShardTask.Frame(new AudioFrame(callId, leg, i, i * 20L, false, silence), i * 20L));
      }
    }
  }

  private double skipped(String reason) {
    return registry
        .get("tonewatch.process.records.skipped")
        .tag("reason", reason)
        .counter()
        .count();
  }

  private double live() {
    return registry.get("tonewatch.process.calls.live").gauge().value();
  }

  @Test
  void anEndedCallFlushesItsSummariesAndReleasesItsHold() {
    CallHold hold = start("c1", 0);
    frames("c1", 75);
    assertEquals(2, summaries.size(), "one full second per leg so far");
    shard.handle(new ShardTask.End(new CallEnded("c1", Instant.EPOCH, EndReason.HANGUP), 0));
    assertEquals(4, summaries.size(), "the last half second of each leg");
    assertEquals(25, summaries.get(3).frames());
    assertTrue(hold.released());
    assertEquals(0, live());
    assertEquals(
        List.of(
            CallRecord.started("c1", Instant.EPOCH, Map.of("team", "north")),
            CallRecord.ended("c1", Instant.EPOCH, "hangup")),
        calls,
        "the call's start with its metadata, then its end, for consumers that read no audio");
  }

  @Test
  void aCallWithNoMediaForTheTimeoutIsClosed() {
    CallHold hold = start("c1", 0);
    frames("c1", 10);
    nowNanos += TimeUnit.SECONDS.toNanos(4);
    shard.expireIdleCalls();
    assertFalse(hold.released(), "not yet idle for 5 s");
    nowNanos += TimeUnit.SECONDS.toNanos(2);
    shard.expireIdleCalls();
    assertTrue(hold.released());
    assertEquals(
        CallRecord.ended("c1", Instant.ofEpochMilli(180), "media_timeout"),
        calls.get(calls.size() - 1),
        "ended at its last frame's capture time");
    assertEquals(
        1.0,
        registry
            .get("tonewatch.process.calls.ended")
            .tag("reason", "media_timeout")
            .counter()
            .count());
  }

  @Test
  void callsOverTheCapAreSkippedAndDoNotHoldTheCommit() {
    start("c1", 0);
    start("c2", 1);
    CallHold third = start("c3", 2);
    assertTrue(third.released());
    assertEquals(1.0, skipped("over_cap"));
    assertEquals(2, live());
    frames("c3", 1);
    assertEquals(2.0, skipped("unknown_call"), "both legs' frames of the refused call");
  }

  @Test
  void aSecondStartOfALiveCallIsSkipped() {
    start("c1", 0);
    CallHold again = start("c1", 1);
    assertTrue(again.released());
    assertEquals(1.0, skipped("duplicate_start"));
    assertEquals(1, live());
  }

  @Test
  void droppedPartitionsLoseTheirCallsWithoutClosingThem() {
    CallHold hold = start("c1", 0);
    frames("c1", 60);
    int before = summaries.size();
    CountDownLatch done = new CountDownLatch(1);
    shard.handle(new ShardTask.Drop(Set.of(TP), done));
    assertEquals(0, done.getCount());
    assertEquals(before, summaries.size(), "nothing is closed: the new owner replays the call");
    assertFalse(hold.released());
    assertEquals(0, live());
  }
}
