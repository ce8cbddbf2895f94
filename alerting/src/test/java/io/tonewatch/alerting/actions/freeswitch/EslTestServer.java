package io.tonewatch.alerting.actions.freeswitch;

import io.tonewatch.alerting.actions.LoopbackServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A local FreeSWITCH event socket for the protocol tests: {@code auth/request} on connect, {@code
 * auth <password>} answered by a command reply, each {@code api} command answered by an {@code
 * api/response} whose body the test chooses; a heartbeat event is sent before each answer, as a
 * subscribed socket would. Records every command line it read.
 */
final class EslTestServer implements AutoCloseable {
  final List<String> commands = new CopyOnWriteArrayList<>();
  private final LoopbackServer server;
  private final String password;
  private volatile UnaryOperator<String> apiAnswer = api -> "+OK 4f0c9e2a-0d3b-4a6b-9d51\n";

  EslTestServer(String password) throws IOException {
    this.password = password;
    this.server = new LoopbackServer("esl-test-server", this::serve);
  }

  int port() {
    return server.port();
  }

  /** What the body of each api response is, given the command. */
  void answerApi(UnaryOperator<String> answer) {
    apiAnswer = answer;
  }

  private void serve(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    write(out, "Content-Type: auth/request\n\n");
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        continue;
      }
      commands.add(line);
      String blank = in.readLine(); // every command ends with an empty line
      if (blank == null || !blank.isEmpty()) {
        write(out, "Content-Type: command/reply\nReply-Text: -ERR command not terminated\n\n");
        return;
      }
      if (line.startsWith("auth ")) {
        if (!line.equals("auth " + password)) {
          write(out, "Content-Type: command/reply\nReply-Text: -ERR invalid\n\n");
          write(out, "Content-Type: text/disconnect-notice\nContent-Length: 0\n\n");
          return;
        }
        write(out, "Content-Type: command/reply\nReply-Text: +OK accepted\n\n");
      } else if (line.startsWith("api ")) {
        String event = "Event-Name: HEARTBEAT\n";
        write(
            out,
            "Content-Type: text/event-plain\nContent-Length: "
                + event.getBytes(StandardCharsets.UTF_8).length
                + "\n\n"
                + event);
        String body = apiAnswer.apply(line.substring(4));
        write(
            out,
            "Content-Type: api/response\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\n\n"
                + body);
      } else {
        write(out, "Content-Type: command/reply\nReply-Text: -ERR command not found\n\n");
      }
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
