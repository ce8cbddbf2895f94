package io.tonewatch.simulator.twilio;

import io.tonewatch.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A WebSocket server on 127.0.0.1 that completes the opening handshake (RFC 6455 §4.2.2) for one
 * client and then misbehaves on purpose: it stops reading, or it closes the connection. Its receive
 * buffer is small, so a client that keeps sending soon finds its sends stuck.
 */
final class StalledWebSocketServer implements AutoCloseable {

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket listener;
  private Socket client;

  StalledWebSocketServer() throws IOException {
    listener = new ServerSocket();
    listener.setReceiveBufferSize(4096);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  String url() {
    return "ws://127.0.0.1:" + listener.getLocalPort() + "/v1/media/twilio";
  }

  /** Accepts one client, answers its upgrade request, and then reads nothing more. */
  void acceptAndStopReading() throws IOException {
    client = listener.accept();
    InputStream in = client.getInputStream();
    String key = null;
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
        key = line.substring(line.indexOf(':') + 1).strip();
      }
    }
    OutputStream out = client.getOutputStream();
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept(key)
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Drops the accepted client's connection without a close frame. */
  void dropClient() throws IOException {
    client.close();
  }

  /**
   * Reads what the client had sent until its side of the connection ends; true when it ended (end
   * of stream or reset), false when it was still open after {@link Await#PATIENCE}.
   */
  boolean clientHungUp() throws IOException {
    client.setSoTimeout((int) Await.PATIENCE.toMillis());
    byte[] buffer = new byte[1 << 16];
    try {
      while (client.getInputStream().read(buffer) >= 0) {
        // discard what was stuck in the buffers
      }
      return true;
    } catch (SocketException reset) {
      return true;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static String accept(String key) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (client != null) {
      client.close();
    }
    listener.close();
  }
}
