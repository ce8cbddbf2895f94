package io.tonewatch.alerting.actions.ami;

import io.tonewatch.alerting.actions.LoopbackServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local Asterisk manager for the protocol tests: speaks AMI over TCP on 127.0.0.1 (banner, Login
 * with a fixed user and secret, Originate, Redirect, Logoff), answers with the ActionID it was
 * given, sends an unrelated event after login as Asterisk does, and records every packet it read.
 */
public final class AmiTestServer implements AutoCloseable {
  /** How the Originate goes. */
  enum Originate {
    ANSWERED,
    REFUSED,
    UNANSWERED
  }

  final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  private final LoopbackServer server;
  private final String username;
  private final String secret;
  private volatile Originate originate = Originate.ANSWERED;

  public AmiTestServer(String username, String secret) throws IOException {
    this.username = username;
    this.secret = secret;
    this.server = new LoopbackServer("ami-test-server", this::serve);
  }

  public int port() {
    return server.port();
  }

  void originate(Originate how) {
    originate = how;
  }

  /** The packets received whose Action is {@code action}. */
  public List<Map<String, String>> actions(String action) {
    return received.stream().filter(m -> action.equals(m.get("Action"))).toList();
  }

  private void serve(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    write(out, "Asterisk Call Manager/9.0.0\r\n");
    boolean loggedIn = false;
    Map<String, String> packet;
    while ((packet = readPacket(in)) != null) {
      received.add(packet);
      String id = packet.get("ActionID");
      switch (packet.getOrDefault("Action", "")) {
        case "Login" -> {
          loggedIn = username.equals(packet.get("Username")) && secret.equals(packet.get("Secret"));
          if (loggedIn) {
            respond(out, "Success", id, "Authentication accepted");
            write(
                out, "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
          } else {
            respond(out, "Error", id, "Authentication failed");
            return; // Asterisk closes the session after a failed login
          }
        }
        case "Originate" -> originate(out, packet, loggedIn);
        case "Redirect" -> respond(out, loggedIn ? "Success" : "Error", id, "Redirect successful");
        case "Logoff" -> {
          respond(out, "Goodbye", id, "Thanks for all the fish.");
          return;
        }
        default -> respond(out, "Error", id, "Invalid/unknown command");
      }
    }
  }

  private void originate(OutputStream out, Map<String, String> packet, boolean loggedIn)
      throws IOException {
    String id = packet.get("ActionID");
    if (!loggedIn || originate == Originate.REFUSED) {
      respond(out, "Error", id, "Originate failed: extension does not exist");
      return;
    }
    respond(out, "Success", id, "Originate successfully queued");
    // An event of another action first: the client must match by ActionID.
    write(out, "Event: OriginateResponse\r\nActionID: other-1\r\nResponse: Failure\r\n\r\n");
    String response = originate == Originate.ANSWERED ? "Success" : "Failure";
    String reason = originate == Originate.ANSWERED ? "4" : "3";
    write(
        out,
        "Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: "
            + id
            + "\r\nResponse: "
            + response
            + "\r\nChannel: "
            + packet.get("Channel")
            + "\r\nReason: "
            + reason
            + "\r\n\r\n");
  }

  private static void respond(OutputStream out, String response, String id, String message)
      throws IOException {
    write(
        out,
        "Response: " + response + "\r\nActionID: " + id + "\r\nMessage: " + message + "\r\n\r\n");
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static Map<String, String> readPacket(BufferedReader in) throws IOException {
    Map<String, String> packet = new LinkedHashMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (!packet.isEmpty()) {
          return packet;
        }
        continue;
      }
      int colon = line.indexOf(':');
      packet.put(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
