package io.tonewatch.ingest.leg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.jitter.JitterSettings;
import io.tonewatch.ingest.leg.TestStream.Datagram;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.rtp.RtpPacketBuilder;
import io.tonewatch.media.codec.G711;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RtpStreamReceiverTest {
  private static final Leg LEG = Leg.CUSTOMER;
  private static final long TICK_NANOS = 10_000_000L;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IngestMetrics metrics = new IngestMetrics(registry);
  private final RecordingSink sink = new RecordingSink();

  private RtpStreamReceiver receiver() {
    return new RtpStreamReceiver(
        "call-1",
        StreamLayout.mono(LEG),
        PayloadMap.defaults(),
        JitterSettings.DEFAULTS,
        sink,
        metrics);
  }

  /** Delivers datagrams in arrival order with a tick every 10 ms in between, then finishes. */
  private static void play(RtpStreamReceiver receiver, List<Datagram> datagrams) {
    List<Datagram> byArrival = new ArrayList<>(datagrams);
    byArrival.sort(Comparator.comparingLong(Datagram::arrivalNanos));
    long tick = 0;
    for (Datagram d : byArrival) {
      while (tick <= d.arrivalNanos()) {
        receiver.onTick(tick);
        tick += TICK_NANOS;
      }
      receiver.onDatagram(d.data(), 0, d.data().length, d.arrivalNanos());
    }
    receiver.finish();
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
  void inOrderL16DecodesToTheSourceSamplesExactlyWithNoConcealment() {
    short[] signal = TestStream.noise(1L, 160 * 50);
    RtpStreamReceiver receiver = receiver();
    play(receiver, TestStream.l16(signal, 160, 96, 0xAAL, 1000, 5555));

    assertArrayEquals(signal, sink.samples(LEG));
    assertEquals(0, sink.concealed(LEG));
    assertEquals(50, count(PacketOutcome.ACCEPTED));
    List<AudioFrame> frames = sink.of(LEG);
    for (int i = 0; i < frames.size(); i++) {
      assertEquals(i, frames.get(i).sequence());
      assertEquals(20L * i, frames.get(i).mediaTimeMs());
      assertEquals("call-1", frames.get(i).callId());
    }
    RtpStreamStats stats = receiver.stats();
    assertEquals(50, stats.packetsReceived());
    assertEquals(0, stats.lost());
    assertEquals(0.0, stats.jitterMs(), 1e-9, "packets exactly on time");
  }

  @Test
  void aSequenceWrapFrom65300LosesNothing() {
    short[] signal = TestStream.noise(2L, 160 * 500);
    play(receiver(), TestStream.l16(signal, 160, 96, 0xBBL, 65300, 4294900000L));
    assertArrayEquals(signal, sink.samples(LEG));
    assertEquals(0, sink.concealed(LEG));
    assertEquals(500, count(PacketOutcome.ACCEPTED));
  }

  @Test
  void anSsrcChangeMidStreamLosesNothingAndContinuesTheNumbering() {
    short[] first = TestStream.noise(3L, 160 * 100);
    short[] second = TestStream.noise(4L, 160 * 100);
    List<Datagram> datagrams = new ArrayList<>(TestStream.l16(first, 160, 96, 0x1111L, 40000, 0));
    datagrams.addAll(
        TestStream.shifted(
            TestStream.l16(second, 160, 96, 0x2222L, 7, 123_456_789L), 100 * 20_000_000L));
    RtpStreamReceiver receiver = receiver();
    play(receiver, datagrams);

    short[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    assertArrayEquals(both, sink.samples(LEG));
    assertEquals(0, sink.concealed(LEG));
    assertEquals(200, count(PacketOutcome.ACCEPTED));
    assertEquals(1, receiver.stats().ssrcChanges());
    assertEquals(199, sink.of(LEG).get(199).sequence());
  }

  @Test
  void reorderingWithinTheJitterWindowIsRepaired() {
    short[] signal = TestStream.noise(5L, 160 * 300);
    List<Datagram> sent = TestStream.l16(signal, 160, 96, 0xCCL, 100, 0);
    Random random = new Random(42L);
    List<Datagram> reordered = new ArrayList<>();
    for (Datagram d : sent) {
      // Each packet is delayed 0-30 ms: neighbours overtake one another.
      long delay = random.nextInt(30) * 1_000_000L;
      reordered.add(new Datagram(d.data(), d.arrivalNanos() + delay, d.index()));
    }
    RtpStreamReceiver receiver = receiver();
    play(receiver, reordered);

    assertArrayEquals(signal, sink.samples(LEG));
    assertEquals(0, sink.concealed(LEG));
    assertEquals(0, receiver.stats().late());
    assertTrue(receiver.stats().jitterMs() > 1.0, "jitter " + receiver.stats().jitterMs());
  }

  @Test
  void fivePercentLossConcealsExactlyTheLostFrames() {
    short[] signal = TestStream.noise(6L, 160 * 1000);
    List<Datagram> sent = TestStream.pcmu(signal, 0xDDL, 65000, 99);
    Random random = new Random(2026L);
    Set<Integer> lost = new HashSet<>();
    List<Datagram> arriving = new ArrayList<>();
    for (Datagram d : sent) {
      // Never the first two (probation) nor the last (a lost tail cannot be known).
      if (d.index() > 1 && d.index() < sent.size() - 1 && random.nextDouble() < 0.05) {
        lost.add(d.index());
      } else {
        arriving.add(d);
      }
    }
    RtpStreamReceiver receiver = receiver();
    play(receiver, arriving);

    List<AudioFrame> frames = sink.of(LEG);
    assertEquals(1000, frames.size());
    assertTrue(lost.size() > 30 && lost.size() < 70, "lost " + lost.size());
    for (AudioFrame frame : frames) {
      assertEquals(
          lost.contains((int) frame.sequence()), frame.concealed(), "frame " + frame.sequence());
    }
    assertEquals(lost.size(), receiver.stats().lost());
    assertEquals(lost.size(), receiver.stats().concealedFrames());
    assertEquals(1000 - lost.size(), count(PacketOutcome.ACCEPTED));
    assertEquals(lost.size(), registry.get("tonewatch.ingest.frames.concealed").counter().count());
    double ratio = registry.get("tonewatch.ingest.loss.ratio").summary().mean();
    assertEquals(lost.size() / 1000.0, ratio, 1e-9);
  }

  @Test
  void lossPlusReorderingGivesEveryFrameWithOnlyTheLostOnesConcealed() {
    short[] signal = TestStream.noise(15L, 160 * 1500);
    List<Datagram> sent = TestStream.pcmu(signal, 0xD1L, 65400, 0);
    Random random = new Random(3551L);
    Set<Integer> lost = new HashSet<>();
    List<Datagram> arriving = new ArrayList<>();
    for (Datagram d : sent) {
      if (d.index() > 1 && d.index() < sent.size() - 1 && random.nextDouble() < 0.05) {
        lost.add(d.index());
      } else {
        long delay = random.nextInt(35) * 1_000_000L; // overtakes its neighbours
        arriving.add(new Datagram(d.data(), d.arrivalNanos() + delay, d.index()));
      }
    }
    RtpStreamReceiver receiver = receiver();
    play(receiver, arriving);

    List<AudioFrame> frames = sink.of(LEG);
    assertEquals(1500, frames.size());
    short[] decoded = sink.samples(LEG);
    for (AudioFrame frame : frames) {
      int i = (int) frame.sequence();
      assertEquals(lost.contains(i), frame.concealed(), "frame " + i);
      if (!frame.concealed()) {
        short[] expected = new short[160];
        for (int k = 0; k < 160; k++) {
          expected[k] = G711.ulawToLinear(G711.linearToUlaw(signal[160 * i + k]));
        }
        assertArrayEquals(expected, Arrays.copyOfRange(decoded, 160 * i, 160 * i + 160));
      }
    }
    assertEquals(0, receiver.stats().late());
    assertEquals(lost.size(), receiver.stats().lost());
  }

  @Test
  void duplicatesAndLatePacketsAreDroppedAndCounted() {
    short[] signal = TestStream.noise(7L, 160 * 40);
    List<Datagram> sent = TestStream.l16(signal, 160, 96, 0xEEL, 0, 0);
    List<Datagram> arriving = new ArrayList<>(sent);
    Datagram five = sent.get(5);
    arriving.add(new Datagram(five.data(), five.arrivalNanos() + 1_000_000L, 5)); // duplicate
    arriving.remove(sent.get(20));
    // Packet 20 arrives half a second late, long after its gap was given up.
    arriving.add(new Datagram(sent.get(20).data(), sent.get(20).arrivalNanos() + 500_000_000L, 20));
    RtpStreamReceiver receiver = receiver();
    play(receiver, arriving);

    assertEquals(1, count(PacketOutcome.DUPLICATE));
    assertEquals(1, count(PacketOutcome.LATE));
    assertEquals(39, count(PacketOutcome.ACCEPTED));
    assertEquals(1, receiver.stats().duplicate());
    assertEquals(1, receiver.stats().late());
    assertEquals(40, sink.of(LEG).size());
    assertTrue(sink.of(LEG).get(20).concealed());
  }

  @Test
  void aTimestampJumpResyncsWithoutAFloodOfConcealedFrames() {
    short[] signal = TestStream.noise(8L, 160 * 100);
    List<Datagram> sent = new ArrayList<>(TestStream.l16(signal, 160, 96, 0xFFL, 10, 0));
    // Packets 50.. of the same source jump 30 s ahead in timestamp, sequence numbers continue.
    short[] tail = Arrays.copyOfRange(signal, 160 * 50, signal.length);
    List<Datagram> jumped = TestStream.l16(tail, 160, 96, 0xFFL, 60, 50 * 160 + 30 * 8000);
    sent.subList(50, 100).clear();
    sent.addAll(TestStream.shifted(jumped, 50 * 20_000_000L));
    play(receiver(), sent);

    assertEquals(100, sink.of(LEG).size());
    assertArrayEquals(signal, sink.samples(LEG));
  }

  @Test
  void aGapOfSecondsIsConcealedUpToTheBoundThenTheTimelineMovesOn() {
    short[] signal = TestStream.noise(9L, 160 * 100);
    List<Datagram> sent = new ArrayList<>(TestStream.l16(signal, 160, 96, 0x99L, 10, 0));
    short[] tail = Arrays.copyOfRange(signal, 160 * 50, signal.length);
    // Silence suppression: 3 s with no packets, the timestamps jump by 3 s + one packet.
    List<Datagram> later = TestStream.l16(tail, 160, 96, 0x99L, 60, 50 * 160 + 3 * 8000);
    sent.subList(50, 100).clear();
    sent.addAll(TestStream.shifted(later, 3_050_000_000L));
    play(receiver(), sent);

    List<AudioFrame> frames = sink.of(LEG);
    assertEquals(100 + 50, frames.size(), "1 s (50 frames) concealed at most");
    assertEquals(50, sink.concealed(LEG));
    assertTrue(frames.subList(50, 100).stream().allMatch(AudioFrame::concealed));
  }

  @Test
  void aSequenceRestartOfTheSameSourceLosesNothing() {
    short[] signal = TestStream.noise(10L, 160 * 60);
    List<Datagram> sent = new ArrayList<>(TestStream.l16(signal, 160, 96, 0x77L, 100, 0));
    short[] tail = Arrays.copyOfRange(signal, 160 * 30, signal.length);
    List<Datagram> restarted = TestStream.l16(tail, 160, 96, 0x77L, 30_000, 30 * 160);
    sent.subList(30, 60).clear();
    sent.addAll(TestStream.shifted(restarted, 30 * 20_000_000L));
    play(receiver(), sent);

    assertArrayEquals(signal, sink.samples(LEG));
    assertEquals(0, count(PacketOutcome.OUT_OF_SEQUENCE));
    assertEquals(60, count(PacketOutcome.ACCEPTED));
  }

  @Test
  void packetsOf10To40MsAreCutInto20MsFrames() {
    for (int ms : new int[] {10, 30, 40, 7}) {
      sink.frames.clear();
      short[] signal = TestStream.noise(ms, 8 * ms * 60);
      play(receiver(), TestStream.l16(signal, 8 * ms, 96, 0x55L, 0, 0));
      short[] out = sink.samples(LEG);
      int whole = signal.length / 160;
      int frames = (signal.length + 159) / 160;
      assertEquals(frames, sink.of(LEG).size(), ms + " ms");
      assertArrayEquals(Arrays.copyOf(signal, whole * 160), Arrays.copyOf(out, whole * 160));
      assertEquals(0, sink.concealed(LEG), ms + " ms");
    }
  }

  @Test
  void pcmuAndPcmaFramesMatchTheSourceWithG711Snr() {
    short[] tone = TestStream.sine(440, 12000, 160 * 100);
    play(receiver(), TestStream.pcmu(tone, 0x1L, 0, 0));
    assertTrue(snrDb(tone, sink.samples(LEG)) >= 30, "PCMU " + snrDb(tone, sink.samples(LEG)));
    sink.frames.clear();
    play(receiver(), TestStream.pcma(tone, 0x2L, 0, 0));
    assertTrue(snrDb(tone, sink.samples(LEG)) >= 30, "PCMA " + snrDb(tone, sink.samples(LEG)));
  }

  @Test
  void g722PacketsDecodeToTheTone() throws java.io.IOException {
    byte[] g722;
    try (java.io.InputStream in =
        io.tonewatch.ingest.codec.G722DecoderTest.class.getResourceAsStream("tone1000.g722")) {
      g722 = in.readAllBytes();
    }
    List<Datagram> sent = new ArrayList<>();
    for (int p = 0; p < g722.length / 160; p++) {
      byte[] data =
          new RtpPacketBuilder()
              .payloadType(9)
              .ssrc(0x722L)
              .sequence(p)
              .timestamp(160L * p) // RFC 3551 §4.5.2: an 8000 Hz clock for 16 kHz audio
              .payload(Arrays.copyOfRange(g722, 160 * p, 160 * (p + 1)))
              .build();
      sent.add(new Datagram(data, p * 20_000_000L, p));
    }
    play(receiver(), sent);

    short[] out = sink.samples(LEG);
    assertEquals(8000, out.length);
    assertEquals(0, sink.concealed(LEG));
    double[] fit = io.tonewatch.ingest.codec.G722DecoderTest.fitSine(out, 1000);
    assertEquals(0.5 * 32768, Math.hypot(fit[0], fit[1]), 0.5 * 32768 * 0.06);
  }

  @Test
  void aStereoStreamFeedsTwoLegs() {
    short[] left = TestStream.noise(11L, 160 * 20);
    short[] right = TestStream.noise(12L, 160 * 20);
    RtpStreamReceiver receiver =
        new RtpStreamReceiver(
            "call-2",
            StreamLayout.stereo(Leg.AGENT, Leg.CUSTOMER),
            PayloadMap.defaults(),
            JitterSettings.DEFAULTS,
            sink,
            metrics);
    play(receiver, TestStream.l16Stereo(left, right, 0x3L));
    assertArrayEquals(left, sink.samples(Leg.AGENT));
    assertArrayEquals(right, sink.samples(Leg.CUSTOMER));
  }

  @Test
  void telephoneEventsAreCountedKeptOutOfTheAudioAndAreNotLoss() {
    short[] signal = TestStream.noise(13L, 160 * 30);
    List<Datagram> sent = new ArrayList<>(TestStream.l16(signal, 160, 96, 0x4L, 0, 0));
    // Packets 10-12 carry a DTMF '5' instead of audio (same sequence numbers, event timestamp).
    for (int i = 10; i <= 12; i++) {
      byte[] event = {5, (byte) (i == 12 ? 0x8A : 0x0A), 0, (byte) (160 * (i - 9))};
      byte[] data =
          new RtpPacketBuilder()
              .payloadType(101)
              .ssrc(0x4L)
              .sequence(i)
              .timestamp(1600)
              .payload(event)
              .build();
      sent.set(i, new Datagram(data, sent.get(i).arrivalNanos(), i));
    }
    RtpStreamReceiver receiver = receiver();
    play(receiver, sent);

    assertEquals(3, count(PacketOutcome.TELEPHONE_EVENT));
    assertEquals(27, count(PacketOutcome.ACCEPTED));
    assertEquals(0, receiver.stats().lost());
    List<AudioFrame> frames = sink.of(LEG);
    assertEquals(30, frames.size());
    for (int i = 0; i < 30; i++) {
      assertEquals(i >= 10 && i <= 12, frames.get(i).concealed(), "frame " + i);
    }
  }

  @Test
  void badDatagramsAreCountedByOutcomeAndNeverThrow() {
    RtpStreamReceiver receiver = receiver();
    expect(receiver, new byte[] {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 1}, PacketOutcome.RTCP);
    expect(receiver, new byte[0], PacketOutcome.MALFORMED);
    expect(receiver, new byte[5], PacketOutcome.MALFORMED);
    byte[] v1 = new RtpPacketBuilder().version(1).payload(new byte[160]).build();
    expect(receiver, v1, PacketOutcome.MALFORMED);
    byte[] unknown = new RtpPacketBuilder().payloadType(33).payload(new byte[160]).build();
    expect(receiver, unknown, PacketOutcome.UNKNOWN_PAYLOAD);
    byte[] oddL16 = new RtpPacketBuilder().payloadType(96).payload(new byte[161]).build();
    expect(receiver, oddL16, PacketOutcome.MALFORMED);
    byte[] stereoOnMono = new RtpPacketBuilder().payloadType(97).payload(new byte[640]).build();
    expect(receiver, stereoOnMono, PacketOutcome.UNKNOWN_PAYLOAD);
    byte[] empty = new RtpPacketBuilder().payloadType(0).build();
    expect(receiver, empty, PacketOutcome.MALFORMED);
    byte[] shortEvent = new RtpPacketBuilder().payloadType(101).payload(new byte[3]).build();
    expect(receiver, shortEvent, PacketOutcome.MALFORMED);
    receiver.onDatagram(null, 0, 10, 0);
    assertEquals(10, total());

    Random random = new Random(99L);
    byte[] junk = new byte[1500];
    for (int i = 0; i < 20_000; i++) {
      random.nextBytes(junk);
      receiver.onDatagram(junk, 0, random.nextInt(junk.length + 1), i * 1000L);
      if (i % 100 == 0) {
        receiver.onTick(i * 1000L);
      }
    }
    short[] signal = TestStream.noise(14L, 160 * 20);
    play(receiver, TestStream.shifted(TestStream.l16(signal, 160, 96, 0x5L, 0, 0), 20_000_000L));

    assertEquals(10 + 20_000 + 20, total(), "every datagram counted exactly once");
    short[] out = sink.samples(LEG);
    assertArrayEquals(signal, Arrays.copyOfRange(out, out.length - signal.length, out.length));
  }

  private void expect(RtpStreamReceiver receiver, byte[] datagram, PacketOutcome outcome) {
    double before = count(outcome);
    receiver.onDatagram(datagram, 0, datagram.length, 0);
    assertEquals(before + 1, count(outcome), outcome.name());
  }

  private double total() {
    double total = 0;
    for (PacketOutcome outcome : PacketOutcome.values()) {
      total += count(outcome);
    }
    return total;
  }

  static double snrDb(short[] reference, short[] decoded) {
    double signal = 0;
    double noise = 0;
    for (int i = 0; i < reference.length; i++) {
      signal += (double) reference[i] * reference[i];
      double e = reference[i] - decoded[i];
      noise += e * e;
    }
    return 10 * Math.log10(signal / noise);
  }
}
