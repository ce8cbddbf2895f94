package io.tonewatch.media.call;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.media.resample.Resampler;
import io.tonewatch.media.wav.PcmAudio;
import io.tonewatch.media.wav.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** Reads a WAV recording into a {@link CallAudio}: maps channels to legs and resamples to 8 kHz. */
public final class CallAudioLoader {

  private CallAudioLoader() {}

  /**
   * Reads {@code file}.
   *
   * @param layout the channel-to-leg mapping, or null for the standard one of its channel count
   * @param notices receives one-line notes for the user, such as resampling
   * @throws IOException when the file cannot be read or is not a one- or two-channel call
   */
  public static CallAudio load(Path file, LegLayout layout, Consumer<String> notices)
      throws IOException {
    PcmAudio pcm = WavReader.read(file);
    return fromPcm(String.valueOf(file.getFileName()), pcm, layout, notices);
  }

  /** As {@link #load}, for audio already decoded. */
  public static CallAudio fromPcm(
      String name, PcmAudio pcm, LegLayout layout, Consumer<String> notices)
      throws CallAudioException {
    int channels = pcm.channelCount();
    if (channels < 1 || channels > 2) {
      throw new CallAudioException(
          name
              + " has "
              + channels
              + " channels, but a call has one (customer) or two (customer and agent)");
    }
    LegLayout legs = layout == null ? LegLayout.standard(channels) : layout;
    if (legs.channelCount() != channels) {
      throw new CallAudioException(
          name
              + " has "
              + channels
              + (channels == 1 ? " channel" : " channels")
              + " but the leg mapping names "
              + legs.channelCount());
    }
    int rateHz = pcm.sampleRateHz();
    if (rateHz != AudioFrame.SAMPLE_RATE_HZ) {
      notices.accept("resampling " + rateHz + " Hz to " + AudioFrame.SAMPLE_RATE_HZ + " Hz");
    }
    Map<Leg, short[]> byLeg = new EnumMap<>(Leg.class);
    for (int c = 0; c < channels; c++) {
      short[] samples = pcm.channel(c);
      if (rateHz != AudioFrame.SAMPLE_RATE_HZ) {
        samples = Resampler.resample(samples, rateHz, AudioFrame.SAMPLE_RATE_HZ);
      }
      byLeg.put(legs.legOfChannel(c), samples);
    }
    return new CallAudio(name, rateHz, legs, byLeg);
  }
}
