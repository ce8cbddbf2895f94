package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.media.wav.PcmAudio;
import io.tonewatch.media.wav.WavReader;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
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
    List<String> labels = SampleCallGenerator.labels(fixtures());
    assertEquals(SampleCallGenerator.SCRIPT.size() + 1, labels.size());
    String firstRaised = labels.stream().filter(l -> l.contains(",raised,")).findFirst().get();
    assertEquals("20.231,22.211,customer,raised,angry.wav", firstRaised);
    assertTrue(call.durationS() > 40 && call.durationS() < 45, "about 40 s: " + call.durationS());
  }
}
