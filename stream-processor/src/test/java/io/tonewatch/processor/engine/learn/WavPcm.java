package io.tonewatch.processor.engine.learn;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads an 8 kHz 16-bit PCM WAV (mono, or stereo: customer, agent) into one array per channel. */
final class WavPcm {
  private WavPcm() {}

  static short[][] read(Path wav) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getSampleSizeInBits() != 16
          || f.getSampleRate() != 8000
          || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
          || f.isBigEndian()
          || f.getChannels() > 2) {
        throw new IOException(wav + ": need 8 kHz 16-bit little-endian PCM, mono or stereo: " + f);
      }
      byte[] bytes = in.readAllBytes();
      int channels = f.getChannels();
      int n = bytes.length / (2 * channels);
      short[][] legs = new short[channels][n];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < channels; c++) {
          int at = 2 * (i * channels + c);
          legs[c][i] = (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8));
        }
      }
      return legs;
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(wav + ": not a WAV file", e);
    }
  }
}
