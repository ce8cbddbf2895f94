package io.tonewatch.alerting.actions.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for Twilio's REST API on 127.0.0.1: records each request's method, path, headers
 * and decoded form, and answers 201 with a participant for a new participant, 200 otherwise, or
 * Twilio's error JSON with the status the test chose.
 */
final class TwilioTestServer implements AutoCloseable {
  /** One request as Twilio would see it. */
  record Request(
      String method,
      String path,
      String authorization,
      String contentType,
      Map<String, String> form) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile int errorStatus;

  TwilioTestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every later request is answered with Twilio's error object and {@code status}. */
  void failWith(int status) {
    errorStatus = status;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            decode(body)));
    int status;
    String answer;
    if (errorStatus != 0) {
      status = errorStatus;
      answer =
          "{\"code\": 20404, \"message\": \"The requested resource "
              + path
              + " was not found\", \"more_info\": \"https://www.twilio.com/docs/errors/20404\","
              + " \"status\": "
              + status
              + "}";
    } else if (path.endsWith("/Participants.json")) {
      status = 201;
      answer = "{\"call_sid\": \"CAsupervisor0000000000000000000001\", \"coaching\": true}";
    } else {
      status = 200;
      answer = "{\"sid\": \"ok\"}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, String> decode(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        form.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
