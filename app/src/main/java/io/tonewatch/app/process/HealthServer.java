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
 * The HTTP endpoints of the stream-processor and alerting services, on the JDK's HTTP server with
 * one thread: {@code GET /health} and {@code /health/ready} (200 when ready, else 503, with a
 * one-line JSON status), {@code /health/live} (200 while the process serves at all: a supervisor
 * restarts it when this stops answering, not when Kafka is away) and {@code /metrics} (Prometheus
 * text). Thread-safety: the suppliers are called from that thread.
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
    // Contexts match by prefix, the longest first: "/health" alone would answer "/health/live".
    server.createContext("/health", exchange -> readiness(exchange, health.get()));
    server.createContext("/health/ready", exchange -> readiness(exchange, health.get()));
    server.createContext(
        "/health/live",
        exchange -> reply(exchange, 200, "application/json", "{\"status\":\"live\"}\n"));
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

  private static void readiness(HttpExchange exchange, Health now) throws IOException {
    String body =
        "{\"status\":\""
            + (now.ready() ? "ready" : "not ready")
            + "\",\"detail\":\""
            + now.status().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}\n";
    reply(exchange, now.ready() ? 200 : 503, "application/json", body);
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
