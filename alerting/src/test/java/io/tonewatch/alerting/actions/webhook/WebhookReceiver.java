package io.tonewatch.alerting.actions.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 as an integrator would write one: it recomputes the signature
 * from the timestamp header and the raw body with the shared secret (answering 401 when it does not
 * match), then answers with the next scripted status (200 once the script is used up).
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received: its idempotency key, event type, body and whether it verified. */
  record Received(String idempotencyKey, String eventType, String body, boolean verified) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
  private final HttpServer server;
  private final byte[] secret;

  WebhookReceiver(String secret) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/hook", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The statuses of the next requests, in order. */
  void answer(Integer... statuses) {
    script.addAll(List.of(statuses));
  }

  /** Requests carrying {@code key}. */
  long count(String key) {
    return received.stream().filter(r -> key.equals(r.idempotencyKey())).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String timestamp = exchange.getRequestHeaders().getFirst("X-Tonewatch-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Tonewatch-Signature");
    boolean verified = signature != null && timestamp != null && verify(timestamp, body, signature);
    received.add(
        new Received(
            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            exchange.getRequestHeaders().getFirst("X-Tonewatch-Event"),
            new String(body, StandardCharsets.UTF_8),
            verified));
    Integer next = script.poll();
    exchange.sendResponseHeaders(!verified ? 401 : next == null ? 200 : next, -1);
    exchange.close();
  }

  private boolean verify(String timestamp, byte[] body, String signature) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          signature.getBytes(StandardCharsets.US_ASCII));
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
