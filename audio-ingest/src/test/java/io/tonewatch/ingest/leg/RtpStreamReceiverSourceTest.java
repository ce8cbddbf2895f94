package io.tonewatch.ingest.leg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.jitter.JitterSettings;
import io.tonewatch.ingest.leg.TestStream.Datagram;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sources coming and going, and timing driven by ticks. */
class RtpStreamReceiverSourceTest {
  private static final Leg LEG = Leg.AGENT;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IngestMetrics metrics = new IngestMetrics(registry);
  private final RecordingSink sink = new RecordingSink();
  private final RtpStreamReceiver receiver =
      new RtpStreamReceiver(
          "call-3",
          StreamLayout.mono(LEG),
          PayloadMap.defaults(),
          JitterSettings.DEFAULTS,
          sink,
          metrics);

  private void deliver(List<Datagram> datagrams) {
    for (Datagram d : datagrams) {
      receiver.onDatagram(d.data(), 0, d.data().length, d.arrivalNanos());
    }
  }

  private double count(PacketOutcome outcome) {
    return registry
        .get("tonewatch.ingest.packets")
        .tag("source", "rtp")
        .tag("outcome", outcome.tagValue())
        .counter()
        .count();
  }

  @Test
  void aStreamTooShortForProbationStillGetsItsAudio() {
    short[] signal = TestStream.noise(20L, 160);
    deliver(TestStream.l16(signal, 160, 96, 0x10L, 500, 0));
    assertEquals(0, sink.frames.size(), "on probation");
    receiver.finish();
    assertArrayEquals(signal, sink.samples(LEG));
    assertEquals(1, count(PacketOutcome.ACCEPTED));
  }

  @Test
  void aStrayPacketFromAnotherSourceDoesNotDisturbTheStream() {
    short[] signal = TestStream.noise(21L, 160 * 40);
    List<Datagram> sent = new ArrayList<>(TestStream.l16(signal, 160, 96, 0x11L, 0, 0));
    Datagram stray = TestStream.l16(TestStream.noise(22L, 160), 160, 96, 0x99L, 7, 0).get(0);
    sent.add(20, new Datagram(stray.data(), sent.get(20).arrivalNanos(), -1));
    deliver(sent);
    receiver.finish();

    assertArrayEquals(signal, sink.samples(LEG));
    assertEquals(1, count(PacketOutcome.OUT_OF_SEQUENCE));
    assertEquals(0, receiver.stats().ssrcChanges());
  }

  @Test
  void aNewSourceWhoseFirstPacketsAreReorderedLosesNothing() {
    short[] first = TestStream.noise(23L, 160 * 20);
    short[] second = TestStream.noise(24L, 160 * 20);
    List<Datagram> sent = new ArrayList<>(TestStream.l16(first, 160, 96, 0x12L, 0, 0));
    List<Datagram> next =
        new ArrayList<>(
            TestStream.shifted(
                TestStream.l16(second, 160, 96, 0x13L, 65534, 77), 20 * 20_000_000L));
    Datagram a = next.get(0);
    next.set(0, next.get(1)); // 65535 arrives before 65534
    next.set(1, a);
    sent.addAll(next);
    deliver(sent);
    receiver.finish();

    short[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    assertArrayEquals(both, sink.samples(LEG));
    assertEquals(40, count(PacketOutcome.ACCEPTED));
    assertEquals(1, receiver.stats().ssrcChanges());
  }

  @Test
  void whenPacketsStopTicksReleaseWhatWaitsBehindAGap() {
    short[] signal = TestStream.noise(25L, 160 * 13);
    List<Datagram> sent = new ArrayList<>(TestStream.l16(signal, 160, 96, 0x14L, 0, 0));
    sent.remove(10);
    deliver(sent);
    assertEquals(10, sink.frames.size(), "11 and 12 wait for 10");
    long heldSince = 11 * 20_000_000L; // packet 11's arrival
    receiver.onTick(heldSince + 20_000_000L);
    assertEquals(10, sink.frames.size(), "not yet: the delay is 20 ms");
    receiver.onTick(heldSince + 25_000_000L);
    assertEquals(13, sink.frames.size());
    assertTrue(sink.frames.get(10).concealed());
    assertEquals(12 * 20_000_000L, receiver.lastArrivalNanos());
  }

  @Test
  void aPayloadTypeChangeDecodesEachPacketByItsType() {
    short[] tone = TestStream.sine(300, 10000, 160 * 40);
    List<Datagram> ulaw = TestStream.pcmu(tone, 0x15L, 0, 0);
    List<Datagram> alaw = TestStream.pcma(tone, 0x15L, 0, 0);
    List<Datagram> mixed = new ArrayList<>();
    for (int i = 0; i < ulaw.size(); i++) {
      mixed.add((i / 5) % 2 == 0 ? ulaw.get(i) : alaw.get(i));
    }
    deliver(mixed);
    receiver.finish();
    assertTrue(RtpStreamReceiverTest.snrDb(tone, sink.samples(LEG)) >= 30);
  }

  @Test
  void jitterIsRecordedAboutOnceASecond() {
    deliver(TestStream.l16(TestStream.noise(26L, 160 * 250), 160, 96, 0x16L, 0, 0)); // 5 s
    receiver.finish();
    long reports = registry.get("tonewatch.ingest.jitter").summary().count();
    assertTrue(reports >= 4 && reports <= 5, "reports " + reports);
  }

  @Test
  void datagramsAfterTheEndAreCountedAsNoLeg() {
    receiver.finish();
    byte[] data = TestStream.pcmu(new short[160], 0x17L, 0, 0).get(0).data();
    receiver.onDatagram(data, 0, data.length, 0);
    assertEquals(1, count(PacketOutcome.NO_LEG));
  }
}
