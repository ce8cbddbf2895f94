package io.tonewatch.app.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tonewatch.processor.service.Health;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /health} (200 when ready, else 503, with a one-line JSON status) and {@code GET
 * /metrics} (Prometheus text) of the stream-processor service, on the JDK's HTTP server with one
 * thread. Thread-safety: the suppliers are called from that thread.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  public HealthServer(
      String bindAddress, int port, Supplier<Health> health, Supplier<String> metrics) {
    try {
      server = HttpServer.create(new InetSocketAddress(bindAddress, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + bindAddress + ":" + port + " (process.http-port)", e);
    }
    server.createContext(
        "/health",
        exchange -> {
          Health now = health.get();
          String body =
              "{\"status\":\""
                  + (now.ready() ? "ready" : "not ready")
                  + "\",\"detail\":\""
                  + now.status().replace("\\", "\\\\").replace("\"", "\\\"")
                  + "\"}\n";
          reply(exchange, now.ready() ? 200 : 503, "application/json", body);
        });
    server.createContext(
        "/metrics",
        exchange ->
            reply(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.setExecutor(Executors.newSingleThreadExecutor(ProcessRuntime::daemon));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!"GET".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(405, -1);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
