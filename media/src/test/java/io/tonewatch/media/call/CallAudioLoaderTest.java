package io.tonewatch.media.call;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.Leg;
import io.tonewatch.media.wav.PcmAudio;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallAudioLoaderTest {

  private final List<String> notices = new ArrayList<>();

  @Test
  void readsMonoAsTheCustomerLeg() throws Exception {
    short[] samples = {1, 2, 3};
    CallAudio audio =
        CallAudioLoader.fromPcm("m.wav", PcmAudio.mono(8000, samples), null, notices::add);
    assertEquals(List.of(Leg.CUSTOMER), List.copyOf(audio.samplesByLeg().keySet()));
    assertArrayEquals(samples, audio.samplesByLeg().get(Leg.CUSTOMER));
    assertTrue(notices.isEmpty());
  }

  @Test
  void mapsStereoChannelsByTheLayout() throws Exception {
    short[] one = {1, 1};
    short[] two = {2, 2};
    PcmAudio pcm = new PcmAudio(8000, new short[][] {one, two});
    CallAudio standard = CallAudioLoader.fromPcm("s.wav", pcm, null, notices::add);
    assertArrayEquals(one, standard.samplesByLeg().get(Leg.CUSTOMER));
    CallAudio swapped =
        CallAudioLoader.fromPcm("s.wav", pcm, LegLayout.standard(2).swapped(), notices::add);
    assertArrayEquals(one, swapped.samplesByLeg().get(Leg.AGENT));
    assertArrayEquals(two, swapped.samplesByLeg().get(Leg.CUSTOMER));
  }

  @Test
  void resamplesOtherRatesAndSaysSo() throws Exception {
    CallAudio audio =
        CallAudioLoader.fromPcm(
            "w.wav", PcmAudio.mono(16000, new short[16000]), null, notices::add);
    assertEquals(List.of("resampling 16000 Hz to 8000 Hz"), notices);
    assertEquals(1.0, audio.durationS(), 0.01);
    assertEquals(16000, audio.sourceRateHz());
  }

  @Test
  void refusesMoreThanTwoChannelsWithOneSentence() {
    PcmAudio pcm = new PcmAudio(8000, new short[][] {{0}, {0}, {0}});
    CallAudioException e =
        assertThrows(
            CallAudioException.class,
            () -> CallAudioLoader.fromPcm("x.wav", pcm, null, notices::add));
    assertEquals(
        "x.wav has 3 channels, but a call has one (customer) or two (customer and agent)",
        e.getMessage());
  }

  @Test
  void refusesALayoutThatNamesADifferentNumberOfLegs() {
    CallAudioException e =
        assertThrows(
            CallAudioException.class,
            () ->
                CallAudioLoader.fromPcm(
                    "m.wav",
                    PcmAudio.mono(8000, new short[1]),
                    LegLayout.standard(2),
                    notices::add));
    assertEquals("m.wav has 1 channel but the leg mapping names 2", e.getMessage());
  }
}
