package io.tonewatch.media.wav;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a RIFF/WAVE file's samples block by block as 16-bit linear, at the file's own rate, so a
 * recording of any length is read in constant memory.
 *
 * <p>Reads PCM at 8, 16, 24 and 32 bits, 32-bit float, A-law and mu-law, plain or as
 * WAVE_FORMAT_EXTENSIBLE, in 1 to 8 channels. Chunks other than fmt and data (LIST, fact, cue ...)
 * are skipped. A data chunk shorter than declared, or of unknown size (0xFFFFFFFF or 0, as written
 * by tools streaming to a pipe), is read to the end of the file. Anything else fails with a {@link
 * WavFormatException} that says in one sentence what is wrong. Not thread-safe: one reader thread.
 */
public final class WavStream implements Closeable {

  /** Data size written by streaming encoders that could not seek back to fill it in. */
  private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

  private final InputStream in;
  private final String name;
  private final WavFormat format;
  private long remainingBytes;
  private byte[] buffer = new byte[0];

  private WavStream(InputStream in, String name) throws IOException {
    this.in = in;
    this.name = name;
    this.format = readToData();
  }

  /**
   * Opens a WAV file and reads up to its first sample; messages name it as {@code path} was given.
   */
  public static WavStream open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    try {
      return new WavStream(in, path.toString());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads a WAV stream up to its first sample; {@code nameForMessages} names it in errors. */
  public static WavStream open(InputStream in, String nameForMessages) throws IOException {
    return new WavStream(in, nameForMessages);
  }

  public int sampleRateHz() {
    return format.sampleRateHz();
  }

  public int channelCount() {
    return format.channelCount();
  }

  /**
   * Decodes up to {@code maxFrames} frames into {@code channels[c][outFrame...]}, one array per
   * channel; returns how many, 0 only at the end of the audio. A truncated last frame is dropped.
   */
  public int read(short[][] channels, int outFrame, int maxFrames) throws IOException {
    if (channels.length != format.channelCount()) {
      throw new IllegalArgumentException(
          "need " + format.channelCount() + " channel arrays, got " + channels.length);
    }
    int frameBytes = format.frameBytes();
    int wanted = (int) Math.min((long) maxFrames * frameBytes, remainingBytes);
    if (buffer.length < wanted) {
      buffer = new byte[wanted];
    }
    int got = in.readNBytes(buffer, 0, wanted);
    // A file that ends before its declared size keeps what is there.
    remainingBytes = got < wanted ? 0 : remainingBytes - got;
    int whole = got / frameBytes;
    SampleDecoder.decode(format, buffer, whole, channels, outFrame);
    return whole;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private WavFormat readToData() throws IOException {
    readRiffHeader();
    WavFormat parsed = null;
    byte[] header = new byte[8];
    while (true) {
      if (in.readNBytes(header, 0, 8) < 8) {
        throw fail(parsed == null ? " has no fmt chunk" : " has no data chunk");
      }
      String id = fourCc(header, 0);
      long size = le32(header, 4);
      if (id.equals("fmt ")) {
        parsed = WavFormat.parse(readChunkBody(size), name);
        skipPadding(size);
      } else if (id.equals("data")) {
        if (parsed == null) {
          throw fail(" has its data chunk before its fmt chunk");
        }
        // Streaming writers that cannot seek back leave 0xFFFFFFFF or 0; an empty chunk read to
        // the end of the file still gives no frames.
        boolean toEnd = size == UNKNOWN_SIZE || size == 0;
        remainingBytes = toEnd ? Long.MAX_VALUE : size / parsed.frameBytes() * parsed.frameBytes();
        return parsed;
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
