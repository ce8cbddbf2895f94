package io.tonewatch.alerting.actions.freeswitch;

import io.tonewatch.alerting.actions.BoundedLines;
import io.tonewatch.alerting.actions.Deadlines;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One inbound event-socket session: waits for {@code auth/request}, authenticates, and sends
 * commands, each a line ended by a blank line; reads replies (headers, a blank line, then {@code
 * Content-Length} bytes of body), all before one deadline. Owned by one thread.
 */
final class EslConnection implements AutoCloseable {
  private static final String PEER = "FreeSWITCH";
  private static final int MAX_LINE_BYTES = 8192;
  private static final int MAX_BODY_BYTES = 65_536;

  /** One reply: its headers and its body (empty when there is none). */
  record Reply(Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("Content-Type", "");
    }

    /** {@code Reply-Text} of a command reply, or the body of an api response. */
    String text() {
      return headers.containsKey("Reply-Text") ? headers.get("Reply-Text") : body.strip();
    }

    boolean ok() {
      return text().startsWith("+OK");
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final long deadlineNanos;

  private EslConnection(Socket socket, long deadlineNanos) throws IOException {
    this.socket = socket;
    this.deadlineNanos = deadlineNanos;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  static EslConnection open(String host, int port, long deadlineNanos) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(
          new InetSocketAddress(host, port), Deadlines.remainingMillis(deadlineNanos, PEER));
      return new EslConnection(socket, deadlineNanos);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Answers the server's {@code auth/request}; the reply says whether it was accepted. */
  Reply authenticate(String password) throws IOException {
    Reply request = read();
    if (!request.contentType().equals("auth/request")) {
      throw new IOException("not a FreeSWITCH event socket: no auth/request");
    }
    return command("auth " + password);
  }

  /** Sends one command and reads the reply, skipping events and notices. */
  Reply command(String line) throws IOException {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an event-socket command holds a line break");
    }
    out.write((line + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    while (true) {
      Reply reply = read();
      String type = reply.contentType();
      if (type.equals("command/reply") || type.equals("api/response")) {
        return reply;
      }
      if (type.equals("text/disconnect-notice")) {
        throw new EOFException("FreeSWITCH ended the session");
      }
    }
  }

  private Reply read() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while (!(line = readLine()).isEmpty() || headers.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    int length;
    try {
      length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
    } catch (NumberFormatException e) {
      throw new IOException("FreeSWITCH sent a bad Content-Length");
    }
    if (length < 0 || length > MAX_BODY_BYTES) {
      throw new IOException("FreeSWITCH sent a body of " + length + " bytes");
    }
    socket.setSoTimeout(Deadlines.remainingMillis(deadlineNanos, PEER));
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("FreeSWITCH closed the session mid-reply");
    }
    return new Reply(headers, new String(body, StandardCharsets.UTF_8));
  }

  private String readLine() throws IOException {
    socket.setSoTimeout(Deadlines.remainingMillis(deadlineNanos, PEER));
    return BoundedLines.read(in, MAX_LINE_BYTES, PEER).stripTrailing();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
