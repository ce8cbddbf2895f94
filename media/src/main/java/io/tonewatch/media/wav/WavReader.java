package io.tonewatch.media.wav;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole WAV file into 16-bit {@link PcmAudio} at the file's own sample rate, for audio that
 * is short enough to hold; {@link WavStream} reads any length block by block and says which
 * encodings and layouts are read.
 */
public final class WavReader {

  /** Longest Java array we risk allocating. */
  private static final int MAX_FRAMES = Integer.MAX_VALUE - 8;

  private static final int BLOCK_FRAMES = 4096;

  private WavReader() {}

  /** Reads a WAV file; messages name it as {@code path} was given. */
  public static PcmAudio read(Path path) throws IOException {
    try (WavStream wav = WavStream.open(path)) {
      return readAll(wav, path.toString());
    }
  }

  /**
   * Reads a WAV stream to the end of its data chunk; {@code nameForMessages} names it in errors.
   */
  public static PcmAudio read(InputStream in, String nameForMessages) throws IOException {
    return readAll(WavStream.open(in, nameForMessages), nameForMessages);
  }

  private static PcmAudio readAll(WavStream wav, String name) throws IOException {
    short[][] channels = new short[wav.channelCount()][1 << 16];
    int frames = 0;
    while (true) {
      if (channels[0].length - frames < BLOCK_FRAMES) {
        if (frames > MAX_FRAMES - BLOCK_FRAMES) {
          throw new WavFormatException(
              name + " is too long: over " + MAX_FRAMES + " frames per channel");
        }
        int capacity = (int) Math.min(MAX_FRAMES, 2L * channels[0].length);
        for (int c = 0; c < channels.length; c++) {
          channels[c] = Arrays.copyOf(channels[c], capacity);
        }
      }
      int got = wav.read(channels, frames, BLOCK_FRAMES);
      if (got == 0) {
        break;
      }
      frames += got;
    }
    for (int c = 0; c < channels.length; c++) {
      channels[c] = Arrays.copyOf(channels[c], frames);
    }
    return new PcmAudio(wav.sampleRateHz(), channels);
  }
}
