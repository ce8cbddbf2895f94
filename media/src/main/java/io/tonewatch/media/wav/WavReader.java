package io.tonewatch.media.wav;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads RIFF/WAVE files into 16-bit {@link PcmAudio} at the file's own sample rate.
 *
 * <p>Reads PCM at 8, 16, 24 and 32 bits, 32-bit float, A-law and mu-law, plain or as
 * WAVE_FORMAT_EXTENSIBLE, in 1 to 8 channels. Chunks other than fmt and data (LIST, fact, cue ...)
 * are skipped. A data chunk shorter than declared, or of unknown size (0xFFFFFFFF or 0, as written
 * by tools streaming to a pipe), is read to the end of the file. Anything else fails with a {@link
 * WavFormatException} that says in one sentence what is wrong.
 */
public final class WavReader {

  /** Data size written by streaming encoders that could not seek back to fill it in. */
  private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

  /** Longest Java array we risk allocating. */
  private static final int MAX_FRAMES = Integer.MAX_VALUE - 8;

  /** Frames allocated up front from a declared size before any audio has arrived. */
  private static final int MAX_INITIAL_FRAMES = 1 << 20;

  private static final int BUFFER_FRAMES = 4096;

  private final InputStream in;
  private final String name;

  private WavReader(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /** Reads a WAV file; messages name it as {@code path} was given. */
  public static PcmAudio read(Path path) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      return read(in, path.toString());
    }
  }

  /** Reads a WAV stream to its data chunk; {@code nameForMessages} names it in errors. */
  public static PcmAudio read(InputStream in, String nameForMessages) throws IOException {
    return new WavReader(in, nameForMessages).read();
  }

  private PcmAudio read() throws IOException {
    readRiffHeader();
    WavFormat format = null;
    byte[] header = new byte[8];
    while (true) {
      if (in.readNBytes(header, 0, 8) < 8) {
        throw fail(format == null ? " has no fmt chunk" : " has no data chunk");
      }
      String id = fourCc(header, 0);
      long size = le32(header, 4);
      if (id.equals("fmt ")) {
        format = WavFormat.parse(readChunkBody(size), name);
        skipPadding(size);
      } else if (id.equals("data")) {
        if (format == null) {
          throw fail(" has its data chunk before its fmt chunk");
        }
        return readData(format, size);
      } else {
        try {
          in.skipNBytes(size + (size & 1)); // RIFF pads chunks to an even length
        } catch (EOFException e) {
          throw new WavFormatException(
              name + " ends inside its '" + id + "' chunk before any audio data", e);
        }
      }
    }
  }

  private void readRiffHeader() throws IOException {
    byte[] riff = new byte[12];
    int count = in.readNBytes(riff, 0, riff.length);
    if (count == 0) {
      throw fail(" is empty, not a WAV file");
    }
    String id = count >= 4 ? fourCc(riff, 0) : "";
    switch (id) {
      case "RIFF":
        break;
      case "RIFX":
        throw fail(
            " is a big-endian RIFX file, which tonewatch cannot read; convert it to a little-endian WAV");
      case "RF64":
        throw fail(" is an RF64 file, which tonewatch cannot read; convert it to a plain RIFF WAV");
      default:
        throw fail(" is not a WAV file (no RIFF header)");
    }
    if (count < riff.length) {
      throw fail(" is not a WAV file (it ends inside its RIFF header)");
    }
    String form = fourCc(riff, 8);
    if (!form.equals("WAVE")) {
      throw fail(" is not a WAV file (its RIFF form is '" + form + "', not 'WAVE')");
    }
  }

  private byte[] readChunkBody(long size) throws IOException {
    // A fmt chunk is 16 to 40 bytes; anything past what we parse is skipped.
    int kept = (int) Math.min(size, 64);
    byte[] body = in.readNBytes(kept);
    if (body.length < kept) {
      throw fail(" ends inside its fmt chunk");
    }
    try {
      in.skipNBytes(size - kept);
    } catch (EOFException e) {
      throw new WavFormatException(name + " ends inside its fmt chunk", e);
    }
    return body;
  }

  private void skipPadding(long size) throws IOException {
    if ((size & 1) != 0) {
      in.read(); // a missing pad byte at the end of the file shows up as a missing data chunk
    }
  }

  private PcmAudio readData(WavFormat format, long declaredBytes) throws IOException {
    int frameBytes = format.frameBytes();
    // Streaming writers that cannot seek back leave 0xFFFFFFFF or 0; an empty chunk read to the
    // end of the file still gives no frames.
    boolean toEnd = declaredBytes == UNKNOWN_SIZE || declaredBytes == 0;
    long remainingBytes = toEnd ? Long.MAX_VALUE : declaredBytes / frameBytes * frameBytes;
    // Trust a declared size only so far: a truncated file may claim gigabytes.
    int capacity = toEnd ? 1 << 16 : (int) Math.min(declaredBytes / frameBytes, MAX_INITIAL_FRAMES);
    short[][] channels = new short[format.channelCount()][capacity];
    int frames = 0;
    byte[] buffer = new byte[BUFFER_FRAMES * frameBytes];
    while (remainingBytes > 0) {
      int wanted = (int) Math.min(buffer.length, remainingBytes);
      int got = in.readNBytes(buffer, 0, wanted);
      int whole = got / frameBytes; // a truncated last frame is dropped
      if (whole > capacity - frames) {
        if (whole > MAX_FRAMES - frames) {
          throw fail(" is too long: over " + MAX_FRAMES + " frames per channel");
        }
        capacity = (int) Math.min(MAX_FRAMES, Math.max(2L * capacity, (long) frames + whole));
        for (int c = 0; c < channels.length; c++) {
          channels[c] = Arrays.copyOf(channels[c], capacity);
        }
      }
      SampleDecoder.decode(format, buffer, whole, channels, frames);
      frames += whole;
      remainingBytes -= got;
      if (got < wanted) {
        break; // the file ends before the declared size: keep what is there
      }
    }
    if (frames != capacity) {
      for (int c = 0; c < channels.length; c++) {
        channels[c] = Arrays.copyOf(channels[c], frames);
      }
    }
    return new PcmAudio(format.sampleRateHz(), channels);
  }

  private WavFormatException fail(String problem) {
    return new WavFormatException(name + problem);
  }

  private static String fourCc(byte[] bytes, int at) {
    StringBuilder id = new StringBuilder(4);
    for (int i = at; i < at + 4; i++) {
      char c = (char) (bytes[i] & 0xFF);
      id.append(c >= 0x20 && c < 0x7F ? c : '?'); // keep control bytes out of messages
    }
    return id.toString();
  }

  private static long le32(byte[] bytes, int at) {
    return (bytes[at] & 0xFFL)
        | (bytes[at + 1] & 0xFFL) << 8
        | (bytes[at + 2] & 0xFFL) << 16
        | (bytes[at + 3] & 0xFFL) << 24;
  }
}
