package io.tonewatch.ingest.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.testing.RecordingCalls;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TwilioStreamTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IngestMetrics metrics = new IngestMetrics(registry);
  private final RecordingCalls calls = new RecordingCalls(4);
  private final TwilioStream stream =
      new TwilioStream(calls, calls, metrics, TwilioSettings.defaults());

  @Test
  void opensTheCallWithALegPerTrackAndEndsItOnStop() {
    assertEquals(
        TwilioStream.Verdict.CONTINUE, stream.onMessage(start("CA1", "inbound", "outbound")));
    stream.onMessage(media("inbound", 1, 0, 160));
    stream.onMessage(media("outbound", 1, 0, 100));

    assertEquals(TwilioStream.Verdict.CLOSE_NORMAL, stream.onMessage(new TwilioMessage.Stop()));

    assertEquals(Set.of(Leg.CUSTOMER, Leg.AGENT), calls.started("CA1").legs());
    assertEquals("websocket", calls.started("CA1").metadata().get("transport"));
    assertEquals(1, calls.frames("CA1", Leg.CUSTOMER).size());
    assertEquals(1, calls.frames("CA1", Leg.AGENT).size(), "the partial frame is padded");
    assertEquals(EndReason.HANGUP, calls.ended("CA1").reason());
    assertTrue(
        calls.messages().get(calls.messages().size() - 1)
            instanceof io.tonewatch.events.audio.CallEnded);
  }

  @Test
  void attachesToACallAnnouncedThroughTheControlApiAndLeavesItOpenOnABareClose() {
    calls.open("CA2", Set.of(Leg.CUSTOMER, Leg.AGENT), Map.of());

    stream.onMessage(start("CA2", "inbound"));
    stream.onMessage(media("inbound", 1, 0, 160));
    stream.onClose();

    assertEquals(1, calls.frames("CA2", Leg.CUSTOMER).size());
    assertTrue(calls.isOpen("CA2"));
  }

  @Test
  void endsACallItOpenedWhenTheSocketClosesWithoutStop() {
    stream.onMessage(start("CA3", "inbound"));
    stream.onClose();

    assertNotNull(calls.ended("CA3"));
  }

  @Test
  void fillsAChunkGapWithConcealedFramesSizedByTheTimestamps() {
    stream.onMessage(start("CA4", "inbound"));
    stream.onMessage(media("inbound", 1, 0, 160));
    stream.onMessage(media("inbound", 4, 60, 160)); // chunks 2 and 3 (40 ms) never came

    List<AudioFrame> frames = calls.frames("CA4", Leg.CUSTOMER);
    assertEquals(4, frames.size());
    assertEquals(
        List.of(false, true, true, false), frames.stream().map(AudioFrame::concealed).toList());
    assertEquals(List.of(0L, 1L, 2L, 3L), frames.stream().map(AudioFrame::sequence).toList());
  }

  @Test
  void boundsTheConcealmentOfAHugeGap() {
    stream.onMessage(start("CA5", "inbound"));
    stream.onMessage(media("inbound", 1, 0, 160));
    stream.onMessage(media("inbound", 1_000_000, 999_999_999, 160));

    assertEquals(
        TwilioSettings.defaults().maxGapFrames() + 2, calls.frames("CA5", Leg.CUSTOMER).size());
  }

  @Test
  void fillsNothingWhenTheGapLimitIsZero() {
    TwilioStream other =
        new TwilioStream(
            calls, calls, metrics, settings(0, TwilioSettings.defaults().inboundLeg()));
    other.onMessage(start("CA10", "inbound"));
    other.onMessage(media("inbound", 1, 0, 160));
    other.onMessage(media("inbound", 4, 60, 160));

    List<AudioFrame> frames = calls.frames("CA10", Leg.CUSTOMER);
    assertEquals(List.of(false, false), frames.stream().map(AudioFrame::concealed).toList());
  }

  @Test
  void dropsAChunkThatDoesNotAdvance() {
    stream.onMessage(start("CA6", "inbound"));
    stream.onMessage(media("inbound", 2, 20, 160));
    stream.onMessage(media("inbound", 2, 20, 160));
    stream.onMessage(media("inbound", 1, 0, 160));

    assertEquals(1, calls.frames("CA6", Leg.CUSTOMER).size());
    assertEquals(2, count("duplicate"));
  }

  @Test
  void refusesAStartBeyondTheLegLimitAndCountsNoLeg() {
    calls.open("busy", Set.of(Leg.CUSTOMER, Leg.AGENT), Map.of());
    calls.open("busy2", Set.of(Leg.CUSTOMER), Map.of());

    assertEquals(
        TwilioStream.Verdict.CLOSE_POLICY, stream.onMessage(start("CA7", "inbound", "outbound")));
    assertNull(calls.started("CA7"));
    assertEquals(1, count("no_leg"));
  }

  @Test
  void countsMediaBeforeStartAndForUnknownTracksAsNoLeg() {
    stream.onMessage(media("inbound", 1, 0, 160));
    stream.onMessage(start("CA8", "inbound"));
    stream.onMessage(media("outbound", 1, 0, 160));

    assertEquals(2, count("no_leg"));
    assertFalse(calls.frames("CA8", Leg.AGENT).iterator().hasNext());
  }

  @Test
  void mapsInboundToTheAgentWhenConfigured() {
    TwilioStream other =
        new TwilioStream(
            calls, calls, metrics, settings(TwilioSettings.defaults().maxGapFrames(), Leg.AGENT));

    other.onMessage(start("CA9", "inbound"));
    other.onMessage(media("inbound", 1, 0, 160));

    assertEquals(1, calls.frames("CA9", Leg.AGENT).size());
  }

  private static TwilioMessage.Start start(String callSid, String... tracks) {
    return new TwilioMessage.Start(
        "MZ1", callSid, List.of(tracks), Map.of(), "audio/x-mulaw", 8000, 1);
  }

  private static TwilioMessage.Media media(String track, long chunk, long ts, int bytes) {
    byte[] payload = new byte[bytes];
    java.util.Arrays.fill(payload, (byte) 0xFF);
    return new TwilioMessage.Media(track, chunk, ts, payload);
  }

  private long count(String outcome) {
    return (long)
        registry
            .get("tonewatch.ingest.packets")
            .tag("source", "websocket")
            .tag("outcome", outcome)
            .counter()
            .count();
  }

  /** The defaults with the gap limit and the inbound track's leg replaced. */
  private static TwilioSettings settings(int maxGapFrames, Leg inboundLeg) {
    TwilioSettings s = TwilioSettings.defaults();
    return new TwilioSettings(
        s.path(),
        null,
        s.maxMessageChars(),
        s.maxPayloadBytes(),
        maxGapFrames,
        s.idleTimeoutMillis(),
        inboundLeg);
  }
}
