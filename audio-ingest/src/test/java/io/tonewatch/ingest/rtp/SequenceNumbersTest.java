package io.tonewatch.ingest.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

  @Test
  void workedExamplesFromTheJavadoc() {
    assertEquals(3, SequenceNumbers.distance(65534, 1));
    assertEquals(-3, SequenceNumbers.distance(1, 65534));
    assertTrue(SequenceNumbers.isNewer(2, 65530));
    assertFalse(SequenceNumbers.isNewer(65530, 2));
    assertFalse(SequenceNumbers.isNewer(7, 7));
    assertEquals(65538, SequenceNumbers.extend(65535, 2));
    assertEquals(65535, SequenceNumbers.extend(65538, 65535));
    assertEquals(0, SequenceNumbers.next(65535));
  }

  @Test
  void distanceIsTheShortestWayRoundForEveryPairFromEveryStart() {
    Random random = new Random(3550L);
    for (int from = 0; from < SequenceNumbers.MODULUS; from++) {
      int step = random.nextInt(SequenceNumbers.MODULUS) - 32768; // -32768..32767
      int to = (from + step) & 0xFFFF;
      assertEquals(step, SequenceNumbers.distance(from, to), from + " -> " + to);
      assertEquals(step > 0, SequenceNumbers.isNewer(to, from));
      assertEquals(step < 0 && step != -32768, SequenceNumbers.isNewer(from, to));
    }
  }

  @Test
  void extendingAWalkOfRandomStepsTracksTheTrueCount() {
    Random random = new Random(1982L);
    long truth = 65_300; // start near the wrap
    long extended = truth;
    for (int i = 0; i < 1_000_000; i++) {
      truth += random.nextInt(200) - 50; // mostly forward, some reordering
      extended = SequenceNumbers.extend(extended, (int) (truth & 0xFFFF));
      assertEquals(truth, extended);
    }
    assertTrue(truth > 10 * SequenceNumbers.MODULUS, "walk wrapped many times: " + truth);
  }

  @Test
  void timestampWorkedExamplesAndWrap() {
    assertEquals(320, RtpTimestamps.distance(4294967136L, 160));
    assertEquals(-320, RtpTimestamps.distance(160, 4294967136L));
    assertTrue(RtpTimestamps.isNewer(100, 4294967000L));
    assertFalse(RtpTimestamps.isNewer(4294967000L, 100));
    assertEquals(4294967456L, RtpTimestamps.extend(4294967136L, 160));
    assertEquals(4294967136L, RtpTimestamps.extend(4294967456L, 4294967136L));
  }

  @Test
  void timestampDistanceAndExtensionOverRandomPairs() {
    Random random = new Random(5761L);
    long truth = RtpTimestamps.MODULUS - 50_000;
    long extended = truth;
    for (int i = 0; i < 200_000; i++) {
      long from = random.nextLong() & 0xFFFF_FFFFL;
      long step = random.nextInt();
      long to = (from + step) & 0xFFFF_FFFFL;
      assertEquals(step, RtpTimestamps.distance(from, to));
      truth += random.nextInt(48_000) - 8_000;
      extended = RtpTimestamps.extend(extended, truth & 0xFFFF_FFFFL);
      assertEquals(truth, extended);
    }
  }
}
