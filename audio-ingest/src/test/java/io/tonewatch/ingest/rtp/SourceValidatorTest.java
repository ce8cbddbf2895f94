package io.tonewatch.ingest.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceValidatorTest {

  @Test
  void aNewSourceIsValidAfterTwoSequentialPackets() {
    SourceValidator source = new SourceValidator(7, 1000);
    assertTrue(source.onProbation());
    assertFalse(source.update(1000), "first packet is on probation");
    assertTrue(source.update(1001));
    assertTrue(source.restarted());
    assertFalse(source.onProbation());
    assertTrue(source.update(1002));
    assertFalse(source.restarted());
    assertEquals(1002, source.extendedMax());
    assertEquals(2, source.expected()); // counting restarts at the end of probation
    assertEquals(2, source.received());
  }

  @Test
  void probationStartsOverWhenPacketsAreNotSequential() {
    SourceValidator source = new SourceValidator(7, 10);
    assertFalse(source.update(10));
    assertFalse(source.update(12));
    assertFalse(source.update(20));
    assertTrue(source.onProbation());
    assertTrue(source.update(21));
    assertFalse(source.onProbation());
  }

  @Test
  void countsCyclesAcrossTheWrap() {
    SourceValidator source = new SourceValidator(7, 65534);
    source.update(65534);
    source.update(65535);
    assertTrue(source.update(0));
    assertTrue(source.update(1));
    assertEquals(65536 + 1, source.extendedMax());
    assertEquals(3, source.expected());
  }

  @Test
  void acceptsDropoutsUpToMaxDropoutAndMisorderUpToMaxMisorder() {
    SourceValidator source = validAt(5000);
    assertTrue(source.update(5000 + SourceValidator.MAX_DROPOUT - 1), "a burst of loss");
    int max = 5000 + SourceValidator.MAX_DROPOUT - 1;
    assertTrue(source.update(max - SourceValidator.MAX_MISORDER + 1), "late, within misorder");
    assertEquals(max, source.extendedMax(), "a late packet does not move the max");
    assertFalse(source.update(max - SourceValidator.MAX_MISORDER), "A.1: behind by 100 or more");
  }

  @Test
  void aBigJumpIsAcceptedOnlyWhenTheNextPacketFollowsIt() {
    SourceValidator source = validAt(100);
    assertFalse(source.update(40_000), "jump: remembered as bad_seq + 1");
    assertFalse(source.update(101 + 5000), "another jump replaces it");
    assertTrue(source.update(101 + 5001), "follows the last jump: resync");
    assertTrue(source.restarted());
    assertEquals(101 + 5001, source.extendedMax());
    assertEquals(1, source.expected());
    assertTrue(source.update(101 + 5002));
    assertFalse(source.update(101), "the old numbering is now far behind");
  }

  private static SourceValidator validAt(int seq) {
    SourceValidator source = new SourceValidator(7, seq - 1);
    source.update(seq - 1);
    assertTrue(source.update(seq));
    return source;
  }
}
