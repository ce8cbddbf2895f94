package io.tonewatch.alerting.actions.ami;

import io.tonewatch.alerting.actions.BoundedLines;
import io.tonewatch.alerting.actions.Deadlines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One TCP session with the Asterisk manager: reads the banner, writes actions, and reads packets
 * until the one wanted, all before a single deadline. Packets of other actions and unrelated events
 * are skipped. Owned by one thread; closed after each request.
 */
final class AmiConnection implements AutoCloseable {
  private static final String PEER = "the Asterisk manager";

  /** Bounds what a misbehaving peer can make us hold. */
  private static final int MAX_LINE_BYTES = 8192;

  private static final int MAX_FIELDS = 256;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final long deadlineNanos;

  private AmiConnection(Socket socket, long deadlineNanos) throws IOException {
    this.socket = socket;
    this.deadlineNanos = deadlineNanos;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects and reads the {@code Asterisk Call Manager/x.y} banner. */
  static AmiConnection open(String host, int port, long deadlineNanos) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(
          new InetSocketAddress(host, port), Deadlines.remainingMillis(deadlineNanos, PEER));
      AmiConnection connection = new AmiConnection(socket, deadlineNanos);
      String banner = connection.readLine();
      if (!banner.startsWith("Asterisk Call Manager")) {
        throw new IOException("not an Asterisk manager: the banner is missing");
      }
      return connection;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  void send(AmiMessage action) throws IOException {
    out.write(action.encode().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads packets until one passes {@code wanted}; the deadline ends the wait. */
  AmiMessage await(Predicate<AmiMessage> wanted) throws IOException {
    while (true) {
      AmiMessage message = read();
      if (wanted.test(message)) {
        return message;
      }
    }
  }

  private AmiMessage read() throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    while (true) {
      String line = readLine();
      if (line.isEmpty()) {
        if (fields.isEmpty()) {
          continue;
        }
        return new AmiMessage(fields);
      }
      int colon = line.indexOf(':');
      if (colon > 0 && fields.size() < MAX_FIELDS) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
  }

  private String readLine() throws IOException {
    socket.setSoTimeout(Deadlines.remainingMillis(deadlineNanos, PEER));
    return BoundedLines.read(in, MAX_LINE_BYTES, PEER);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
