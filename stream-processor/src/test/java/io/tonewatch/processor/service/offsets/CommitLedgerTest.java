package io.tonewatch.processor.service.offsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitLedgerTest {
  private static final TopicPartition P0 = new TopicPartition("audio", 0);
  private static final TopicPartition P1 = new TopicPartition("audio", 1);

  private final CommitLedger ledger = new CommitLedger();

  private Long offset(TopicPartition tp) {
    OffsetAndMetadata offset = ledger.committable().get(tp);
    return offset == null ? null : offset.offset();
  }

  @Test
  void withNoCallOpenTheNextOffsetMayBeCommitted() {
    ledger.assigned(List.of(P0));
    ledger.read(P0, 0);
    ledger.read(P0, 1);
    assertEquals(2L, offset(P0));
  }

  @Test
  void theCommitStaysAtTheEarliestOpenCallsStart() {
    ledger.assigned(List.of(P0));
    ledger.read(P0, 9);
    CallHold first = ledger.hold(P0, 10);
    ledger.read(P0, 10);
    CallHold second = ledger.hold(P0, 20);
    ledger.read(P0, 20);
    ledger.read(P0, 30);
    assertEquals(10L, offset(P0));
    first.finish();
    assertEquals(20L, offset(P0));
    second.finish();
    assertEquals(31L, offset(P0));
  }

  @Test
  void aFinishedCallHoldsUntilItsEventsAreAcknowledged() {
    ledger.assigned(List.of(P0));
    CallHold call = ledger.hold(P0, 5);
    ledger.read(P0, 5);
    ledger.read(P0, 6);
    call.sending();
    call.sending();
    call.finish();
    call.acknowledged();
    assertEquals(5L, offset(P0));
    assertFalse(call.released());
    call.acknowledged();
    assertTrue(call.released());
    assertEquals(7L, offset(P0));
  }

  @Test
  void aFailedSendKeepsTheHoldSoTheCallIsReplayed() {
    ledger.assigned(List.of(P0));
    CallHold call = ledger.hold(P0, 3);
    ledger.read(P0, 3);
    ledger.read(P0, 4);
    call.sending();
    call.failed();
    call.finish();
    assertEquals(3L, offset(P0));
    assertEquals(1, ledger.held(P0));
  }

  @Test
  void committedOffsetsAreNotOfferedAgainAndPartitionsAreIndependent() {
    ledger.assigned(List.of(P0, P1));
    ledger.read(P0, 0);
    CallHold open = ledger.hold(P1, 0);
    ledger.read(P1, 0);
    ledger.read(P1, 1);
    Map<TopicPartition, OffsetAndMetadata> offsets = ledger.committable();
    assertEquals(Map.of(P0, new OffsetAndMetadata(1), P1, new OffsetAndMetadata(0)), offsets);
    ledger.committed(offsets);
    assertTrue(ledger.committable().isEmpty());
    open.finish();
    assertEquals(Map.of(P1, new OffsetAndMetadata(2)), ledger.committable());
  }

  @Test
  void aHoldOfAnEarlierAssignmentDoesNotTouchTheNewOne() {
    ledger.assigned(List.of(P0));
    CallHold stale = ledger.hold(P0, 4);
    ledger.revoked(List.of(P0));
    ledger.assigned(List.of(P0));
    CallHold fresh = ledger.hold(P0, 4);
    ledger.read(P0, 4);
    stale.finish();
    assertEquals(4L, offset(P0));
    fresh.finish();
    assertEquals(5L, offset(P0));
  }

  @Test
  void nothingIsCommittedForAPartitionNotReadYet() {
    ledger.assigned(List.of(P0));
    assertTrue(ledger.committable().isEmpty());
  }
}
