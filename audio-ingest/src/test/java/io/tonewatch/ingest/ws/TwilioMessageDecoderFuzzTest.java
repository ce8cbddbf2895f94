package io.tonewatch.ingest.ws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.CallIds;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.testing.RecordingCalls;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the Twilio message decoder and the stream that consumes its messages:
 * the input is up to eight newline-separated messages of one connection. Nothing may throw, every
 * decoded message must respect the decoder's bounds, and the frames made stay bounded. Seeds and
 * kept crashes: {@code TwilioMessageDecoderFuzzTestInputs/decodesAnyMessagesWithoutThrowing/}.
 */
class TwilioMessageDecoderFuzzTest {
  private static final int MAX_PAYLOAD_BYTES = 1600;
  private static final IngestMetrics METRICS = new IngestMetrics(new SimpleMeterRegistry());
  private static final TwilioMessageDecoder DECODER =
      new TwilioMessageDecoder(METRICS, 4096, MAX_PAYLOAD_BYTES);
  private static final TwilioSettings SETTINGS =
      new TwilioSettings("/f", null, 4096, MAX_PAYLOAD_BYTES, 50, 1000, Leg.CUSTOMER);

  @FuzzTest(maxDuration = "20s")
  @DictionaryEntries({
    "\"event\"",
    "\"connected\"",
    "\"start\"",
    "\"media\"",
    "\"stop\"",
    "\"mark\"",
    "\"dtmf\"",
    "\"track\"",
    "\"tracks\"",
    "\"inbound\"",
    "\"outbound\"",
    "\"inbound_track\"",
    "\"chunk\"",
    "\"timestamp\"",
    "\"payload\"",
    "\"callSid\"",
    "\"streamSid\"",
    "\"customParameters\"",
    "\"callId\"",
    "\"mediaFormat\"",
    "\"encoding\"",
    "\"audio/x-mulaw\"",
    "\"sampleRate\"",
    "\"channels\"",
    "\"digit\"",
    "\"name\"",
    "8000",
    "\"AAAA\"",
    "\"//8=\""
  })
  void decodesAnyMessagesWithoutThrowing(byte[] input) {
    RecordingCalls calls = new RecordingCalls(2);
    TwilioStream stream = new TwilioStream(calls, calls, METRICS, SETTINGS);
    String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 8);
    long payloadBytes = 0;
    int media = 0;
    for (String line : lines) {
      TwilioMessage message = DECODER.decode(line);
      if (message instanceof TwilioMessage.Media m) {
        assertTrue(m.payload().length > 0 && m.payload().length <= MAX_PAYLOAD_BYTES);
        payloadBytes += m.payload().length;
        media++;
      } else if (message instanceof TwilioMessage.Start s) {
        CallIds.require(s.callId());
        assertTrue(s.customParameters().size() <= TwilioMessageDecoder.MAX_PARAMETERS);
      }
      if (message != null) {
        stream.onMessage(message);
      }
    }
    stream.onClose();
    long frames =
        calls.messages().stream()
            .filter(m -> m instanceof io.tonewatch.events.audio.AudioFrame)
            .count();
    long bound = payloadBytes / 160 + media * (long) (SETTINGS.maxGapFrames() + 1) + 2 * 2;
    assertTrue(frames <= bound, frames + " frames from " + payloadBytes + " bytes");
  }
}
