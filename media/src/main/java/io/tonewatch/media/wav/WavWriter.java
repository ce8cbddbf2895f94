package io.tonewatch.media.wav;

import io.tonewatch.media.codec.G711;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link PcmAudio} as a WAV file: 16-bit PCM, or 8-bit mu-law / A-law as telephone
 * recordings are stored. Channels are interleaved.
 */
public final class WavWriter {

  /** The RIFF size fields are unsigned 32-bit; leave room for the headers. */
  private static final long MAX_DATA_BYTES = 0xFFFFFFFFL - 64;

  private static final int BUFFER_FRAMES = 4096;

  private WavWriter() {}

  /** Writes 16-bit little-endian PCM (format tag 1). */
  public static void write(Path path, PcmAudio audio) throws IOException {
    write(path, audio, WavFormat.TAG_PCM);
  }

  /** Writes G.711 mu-law (format tag 7), one byte per sample. */
  public static void writeUlaw(Path path, PcmAudio audio) throws IOException {
    write(path, audio, WavFormat.TAG_MULAW);
  }

  /** Writes G.711 A-law (format tag 6), one byte per sample. */
  public static void writeAlaw(Path path, PcmAudio audio) throws IOException {
    write(path, audio, WavFormat.TAG_ALAW);
  }

  private static void write(Path path, PcmAudio audio, int formatTag) throws IOException {
    boolean pcm = formatTag == WavFormat.TAG_PCM;
    int bytesPerSample = pcm ? 2 : 1;
    int channels = audio.channelCount();
    int frameBytes = channels * bytesPerSample;
    long dataBytes = (long) audio.frameCount() * frameBytes;
    if (dataBytes > MAX_DATA_BYTES) {
      throw new IOException(path + " would exceed the 4 GiB limit of a WAV file");
    }
    // PCM has a 16-byte fmt chunk; other formats add cbSize = 0 and need a fact chunk (RIFF spec).
    int fmtBytes = pcm ? 16 : 18;
    int factChunkBytes = pcm ? 0 : 12;
    long padding = dataBytes & 1;
    long riffBytes = 4 + (8 + fmtBytes) + factChunkBytes + (8 + dataBytes + padding);

    ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt((int) riffBytes).put(ascii("WAVE"));
    header.put(ascii("fmt ")).putInt(fmtBytes);
    header.putShort((short) formatTag).putShort((short) channels);
    header.putInt(audio.sampleRateHz()).putInt((int) ((long) audio.sampleRateHz() * frameBytes));
    header.putShort((short) frameBytes).putShort((short) (8 * bytesPerSample));
    if (!pcm) {
      header.putShort((short) 0);
      header.put(ascii("fact")).putInt(4).putInt(audio.frameCount());
    }
    header.put(ascii("data")).putInt((int) dataBytes);

    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
      out.write(header.array(), 0, header.position());
      byte[] buffer = new byte[BUFFER_FRAMES * frameBytes];
      for (int start = 0; start < audio.frameCount(); start += BUFFER_FRAMES) {
        int frames = Math.min(BUFFER_FRAMES, audio.frameCount() - start);
        int at = 0;
        for (int f = start; f < start + frames; f++) {
          for (int c = 0; c < channels; c++) {
            short sample = audio.channels()[c][f];
            if (pcm) {
              buffer[at++] = (byte) sample;
              buffer[at++] = (byte) (sample >> 8);
            } else if (formatTag == WavFormat.TAG_MULAW) {
              buffer[at++] = G711.linearToUlaw(sample);
            } else {
              buffer[at++] = G711.linearToAlaw(sample);
            }
          }
        }
        out.write(buffer, 0, at);
      }
      if (padding != 0) {
        out.write(0);
      }
    }
  }

  private static byte[] ascii(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }
}
