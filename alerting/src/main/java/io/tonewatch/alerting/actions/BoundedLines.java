package io.tonewatch.alerting.actions;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one line of a text protocol (LF or CRLF ended, UTF-8) holding at most a fixed number of
 * bytes, so a peer that never ends a line cannot make us hold more.
 */
public final class BoundedLines {
  private BoundedLines() {}

  /**
   * @throws EOFException when the stream ends first
   * @throws IOException naming {@code peer} when the line is longer than {@code maxBytes}
   */
  public static String read(InputStream in, int maxBytes, String peer) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException(peer + " closed the connection");
      }
      if (line.size() == maxBytes) {
        throw new IOException(peer + " sent a line over " + maxBytes + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
