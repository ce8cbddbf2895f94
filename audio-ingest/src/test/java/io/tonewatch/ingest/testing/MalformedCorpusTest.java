package io.tonewatch.ingest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.ingest.audiosocket.AudioSocketDecoder;
import io.tonewatch.ingest.audiosocket.AudioSocketFrame;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import io.tonewatch.ingest.rtp.RtpPacket;
import io.tonewatch.ingest.ws.TwilioMessageDecoder;
import io.tonewatch.ingest.ws.TwilioSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays the malformed-input corpus through the decoders: each input counted and dropped. */
class MalformedCorpusTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IngestMetrics metrics = new IngestMetrics(registry);

  @Test
  void everyTwilioMessageInTheCorpusIsCountedUnderItsOutcomeAndDropped() {
    TwilioSettings settings = TwilioSettings.defaults();
    TwilioMessageDecoder decoder =
        new TwilioMessageDecoder(metrics, settings.maxMessageChars(), settings.maxPayloadBytes());
    List<MalformedCorpus.Entry> corpus = MalformedCorpus.twilio();
    assertTrue(corpus.size() >= 20, "corpus has " + corpus.size() + " entries");
    for (MalformedCorpus.Entry entry : corpus) {
      double before = count("websocket", entry.expected());
      assertNull(decoder.decode(new String(entry.bytes(), StandardCharsets.UTF_8)), entry.name());
      assertEquals(before + 1, count("websocket", entry.expected()), entry.name());
    }
    assertEquals(0, count("websocket", PacketOutcome.ACCEPTED));
  }

  @Test
  void everyAudioSocketStreamInTheCorpusIsCountedAndYieldsNoFrames() {
    for (MalformedCorpus.Entry entry : MalformedCorpus.audioSocket()) {
      AudioSocketDecoder decoder = new AudioSocketDecoder(metrics, 4096);
      List<AudioSocketFrame> frames = new ArrayList<>();
      double before = total("audiosocket");
      double beforeOutcome = entry.expected() == null ? 0 : count("audiosocket", entry.expected());
      byte[] b = entry.bytes();
      decoder.feed(b, 0, b.length, frames::add);
      decoder.endOfStream();
      if (entry.expected() == null) { // random bytes: whatever they decode to, something is counted
        assertTrue(total("audiosocket") > before, entry.name() + " counted nothing");
        continue;
      }
      assertEquals(List.of(), frames, entry.name());
      assertEquals(before + 1, total("audiosocket"), entry.name());
      assertEquals(beforeOutcome + 1, count("audiosocket", entry.expected()), entry.name());
    }
  }

  @Test
  void everyRtpDatagramInTheCorpusFailsToParseOrCarriesNoKnownPayload() {
    RtpPacket packet = new RtpPacket();
    PayloadMap payloads = PayloadMap.defaults();
    List<MalformedCorpus.Entry> corpus = MalformedCorpus.rtp();
    assertTrue(corpus.size() >= 18, "corpus has " + corpus.size() + " entries");
    for (MalformedCorpus.Entry entry : corpus) {
      byte[] b = entry.bytes();
      boolean parsed = packet.parse(b, 0, b.length);
      switch (entry.expected()) {
        case MALFORMED -> assertFalse(parsed, entry.name());
        case UNKNOWN_PAYLOAD -> {
          assertTrue(parsed, entry.name());
          assertNull(payloads.format(packet.payloadType()), entry.name());
        }
        case OVERSIZED -> assertTrue(b.length > 2048, entry.name());
        default -> throw new AssertionError("unexpected outcome for " + entry.name());
      }
    }
  }

  private double count(String source, PacketOutcome outcome) {
    return registry
        .get("tonewatch.ingest.packets")
        .tag("source", source)
        .tag("outcome", outcome.tagValue())
        .counter()
        .count();
  }

  private double total(String source) {
    double sum = 0;
    for (PacketOutcome outcome : PacketOutcome.values()) {
      sum += count(source, outcome);
    }
    return sum;
  }
}
