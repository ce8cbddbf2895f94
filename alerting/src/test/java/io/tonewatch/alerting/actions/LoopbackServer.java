package io.tonewatch.alerting.actions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP server on 127.0.0.1 with an OS-chosen port for the protocol tests: serves one connection at
 * a time on a daemon thread with the session the test's peer speaks.
 */
public final class LoopbackServer implements AutoCloseable {
  /** One client session; returning or throwing ends the connection. */
  @FunctionalInterface
  public interface Session {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket server;

  public LoopbackServer(String name, Session session) throws IOException {
    this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread accept =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  session.serve(socket);
                } catch (IOException e) {
                  // the client hung up, or the server closed
                }
              }
            },
            name);
    accept.setDaemon(true);
    accept.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
