package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tonewatch.app.wav.PcmAudio;
import io.tonewatch.app.wav.WavReader;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleCallGeneratorTest {

  private static Path fixtures() throws URISyntaxException {
    return Path.of(SampleCallGeneratorTest.class.getResource("thorsten/neutral.wav").toURI())
        .getParent();
  }

  @Test
  void rebuildsTheBundledSampleExactlyFromTheThorstenFixtures() throws Exception {
    PcmAudio generated = SampleCallGenerator.generate(fixtures());
    try (InputStream in = Main.class.getResourceAsStream(DemoCommand.SAMPLE_RESOURCE)) {
      assertNotNull(in, "the bundled sample");
      PcmAudio bundled = WavReader.read(in, "bundled");
      assertEquals(bundled, generated, "regenerate with SampleCallGenerator's main");
    }
  }

  @Test
  void makesAStereoCallWithTwentySecondsOfCalmBeforeTheFirstAngryTurn() throws Exception {
    PcmAudio call = SampleCallGenerator.generate(fixtures());
    assertEquals(2, call.channelCount());
    assertEquals(8000, call.sampleRateHz());
    double firstAngryS = SampleCallGenerator.LEAD_S;
    for (SampleCallGenerator.Turn turn : SampleCallGenerator.SCRIPT) {
      if (turn.sample().equals("angry")) {
        break;
      }
      firstAngryS +=
          WavReader.read(fixtures().resolve(turn.sample() + ".wav")).durationS()
              + SampleCallGenerator.GAP_S;
    }
    assertEquals(20, firstAngryS, 2.5);
  }
}
