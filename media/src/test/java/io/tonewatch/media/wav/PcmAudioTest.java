package io.tonewatch.media.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PcmAudioTest {

  @Test
  void describesItsShape() {
    short[] left = new short[12000];
    PcmAudio audio = new PcmAudio(8000, new short[][] {left, new short[12000]});

    assertEquals(2, audio.channelCount());
    assertEquals(12000, audio.frameCount());
    assertEquals(1.5, audio.durationS(), 1e-12);
    assertSame(left, audio.channel(0));
    assertEquals("PcmAudio[8000 Hz, 2 channels, 12000 frames]", audio.toString());
  }

  @Test
  void rejectsANonPositiveSampleRate() {
    assertThrows(IllegalArgumentException.class, () -> PcmAudio.mono(0, new short[1]));
    assertThrows(IllegalArgumentException.class, () -> PcmAudio.mono(-8000, new short[1]));
  }

  @Test
  void rejectsMissingChannelsAndChannelsOfUnequalLength() {
    assertThrows(NullPointerException.class, () -> new PcmAudio(8000, null));
    assertThrows(IllegalArgumentException.class, () -> new PcmAudio(8000, new short[0][]));
    assertThrows(NullPointerException.class, () -> new PcmAudio(8000, new short[][] {null}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PcmAudio(8000, new short[][] {new short[3], new short[2]}));
  }

  @Test
  void rejectsAChannelIndexOutOfRange() {
    PcmAudio audio = PcmAudio.mono(8000, new short[4]);

    assertThrows(IndexOutOfBoundsException.class, () -> audio.channel(1));
    assertThrows(IndexOutOfBoundsException.class, () -> audio.channel(-1));
  }

  @Test
  void isEqualWhenRateAndSamplesAre() {
    PcmAudio audio = new PcmAudio(8000, new short[][] {{1, 2}, {3, 4}});

    assertEquals(new PcmAudio(8000, new short[][] {{1, 2}, {3, 4}}), audio);
    assertEquals(new PcmAudio(8000, new short[][] {{1, 2}, {3, 4}}).hashCode(), audio.hashCode());
    assertNotEquals(new PcmAudio(16000, new short[][] {{1, 2}, {3, 4}}), audio);
    assertNotEquals(new PcmAudio(8000, new short[][] {{1, 2}, {3, 5}}), audio);
  }
}
