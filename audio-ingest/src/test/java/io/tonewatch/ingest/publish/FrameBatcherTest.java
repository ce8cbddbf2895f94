package io.tonewatch.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.events.audio.FrameBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBatcherTest {
  static final long MS = 1_000_000L;

  long order;

  PublishQueue.Entry entry(AudioMessage message, long acceptNanos) {
    return new PublishQueue.Entry(order++, message, acceptNanos);
  }

  static AudioFrame frame(String callId, Leg leg, long sequence) {
    return new AudioFrame(callId, leg, sequence, sequence * 20, sequence % 3 == 0, new short[160]);
  }

  static List<Long> sequences(FrameBatcher.Outgoing outgoing) {
    List<Long> sequences = new ArrayList<>();
    if (outgoing.message() instanceof FrameBatch batch) {
      batch.frames().forEach(f -> sequences.add(f.sequence()));
    } else {
      sequences.add(((AudioFrame) outgoing.message()).sequence());
    }
    return sequences;
  }

  @Test
  void aLegsFramesGoOutTogetherOnceTheBatchIsFullWithTheirCaptureOffsets() {
    FrameBatcher batcher = new FrameBatcher(3, 100);
    assertEquals(List.of(), batcher.add(entry(frame("c", Leg.AGENT, 7), 0), 0));
    assertEquals(List.of(), batcher.add(entry(frame("c", Leg.AGENT, 8), 21 * MS), 21 * MS));
    List<FrameBatcher.Outgoing> out =
        batcher.add(entry(frame("c", Leg.AGENT, 9), 40 * MS), 40 * MS);
    assertEquals(1, out.size());
    FrameBatch batch = assertInstanceOf(FrameBatch.class, out.get(0).message());
    assertEquals(List.of(7L, 8L, 9L), sequences(out.get(0)));
    assertArrayEquals(new int[] {0, 21, 40}, batch.captureOffsetsMs());
    assertEquals(3, out.get(0).entries().size());
    assertEquals(0, batcher.heldFrames());
  }

  @Test
  void legsAreBatchedApartAndAGapEndsABatch() {
    FrameBatcher batcher = new FrameBatcher(5, 100);
    batcher.add(entry(frame("c", Leg.AGENT, 0), 0), 0);
    batcher.add(entry(frame("c", Leg.CUSTOMER, 0), 0), 0);
    batcher.add(entry(frame("c", Leg.AGENT, 1), 20 * MS), 20 * MS);
    List<FrameBatcher.Outgoing> out =
        batcher.add(entry(frame("c", Leg.AGENT, 3), 60 * MS), 60 * MS);
    assertEquals(1, out.size(), "the gap after frame 1 sends frames 0 and 1");
    assertEquals(List.of(0L, 1L), sequences(out.get(0)));
    assertEquals(2, batcher.heldFrames(), "customer 0 and agent 3 wait");
  }

  @Test
  void aCallsEndGoesOutAfterItsOpenBatchesAndLeavesOtherCallsWaiting() {
    FrameBatcher batcher = new FrameBatcher(5, 100);
    batcher.add(entry(frame("c", Leg.AGENT, 0), 0), 0);
    batcher.add(entry(frame("c", Leg.CUSTOMER, 0), 0), 0);
    batcher.add(entry(frame("other", Leg.AGENT, 0), 0), 0);
    CallEnded end = new CallEnded("c", Instant.EPOCH, EndReason.HANGUP);
    List<FrameBatcher.Outgoing> out = batcher.add(entry(end, MS), MS);
    assertEquals(3, out.size());
    assertEquals("c", out.get(0).message().callId());
    assertEquals("c", out.get(1).message().callId());
    assertSame(end, out.get(2).message());
    assertEquals(1, batcher.heldFrames());
  }

  @Test
  void aBatchIsDueOnceItsFirstFrameWaitedTheDelayInTheOrderBatchesBegan() {
    FrameBatcher batcher = new FrameBatcher(5, 100);
    assertEquals(Long.MAX_VALUE, batcher.nanosUntilDue(0));
    batcher.add(entry(frame("a", Leg.AGENT, 0), 10 * MS), 10 * MS);
    batcher.add(entry(frame("b", Leg.AGENT, 0), 30 * MS), 30 * MS);
    batcher.add(entry(frame("a", Leg.AGENT, 1), 30 * MS), 30 * MS);
    assertEquals(60 * MS, batcher.nanosUntilDue(50 * MS));
    assertEquals(List.of(), batcher.due(109 * MS));
    List<FrameBatcher.Outgoing> due = batcher.due(110 * MS);
    assertEquals(1, due.size());
    assertEquals("a", due.get(0).message().callId());
    assertEquals(List.of(0L, 1L), sequences(due.get(0)));
    assertEquals(20 * MS, batcher.nanosUntilDue(110 * MS));
    AudioMessage single = batcher.due(130 * MS).get(0).message();
    assertInstanceOf(AudioFrame.class, single, "a batch of one goes as a plain frame");
    assertTrue(batcher.flushAll().isEmpty());
  }

  @Test
  void aBacklogTakenLateStillTravelsInBatches() {
    FrameBatcher batcher = new FrameBatcher(2, 100);
    long takenNanos = 5_000 * MS;
    batcher.add(entry(frame("c", Leg.AGENT, 0), 0), takenNanos);
    assertEquals(List.of(), batcher.due(takenNanos), "the delay runs from the take");
    List<FrameBatcher.Outgoing> out =
        batcher.add(entry(frame("c", Leg.AGENT, 1), 20 * MS), takenNanos);
    assertEquals(List.of(0L, 1L), sequences(out.get(0)));
    assertArrayEquals(new int[] {0, 20}, ((FrameBatch) out.get(0).message()).captureOffsetsMs());
  }

  @Test
  void oneFrameABatchSendsEveryFrameAtOnce() {
    FrameBatcher batcher = new FrameBatcher(1, 100);
    AudioFrame frame = frame("c", Leg.AGENT, 4);
    List<FrameBatcher.Outgoing> out = batcher.add(entry(frame, 0), 0);
    assertSame(frame, out.get(0).message());
    assertEquals(0, batcher.heldFrames());
  }
}
