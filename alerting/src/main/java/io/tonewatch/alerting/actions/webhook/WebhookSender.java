package io.tonewatch.alerting.actions.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed JSON webhooks ({@code {"id", "type", "sentAt", "payload"}}) without blocking the
 * caller: at most {@code queueCapacity} wait at once and more are dropped and counted. Each is
 * POSTed with {@code Idempotency-Key} (its id, the same on every try, so a receiver drops
 * duplicates), {@code X-Tonewatch-Event}, {@code X-Tonewatch-Timestamp} and {@code
 * X-Tonewatch-Signature} ({@link WebhookSignature}, fresh on every try). A 2xx ends it; a 5xx, 408,
 * 429 or network failure is tried again after the backoff, doubled each time; any other answer, or
 * the last try failing, puts it in {@link DeadLetters}. One scheduler thread owns every delivery.
 */
public final class WebhookSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final WebhookSettings settings;
  private final AdapterMetrics metrics;
  private final Clock clock;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  private final byte[] secret;
  private final DeadLetters deadLetters;
  private final AtomicInteger waiting = new AtomicInteger();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tonewatch-webhook");
            t.setDaemon(true);
            return t;
          });

  public WebhookSender(WebhookSettings settings, AdapterMetrics metrics, Clock clock) {
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.secret = settings.secret();
    this.deadLetters = new DeadLetters(settings.deadLetterCapacity());
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  /** Queues {@code payload} (anything Jackson writes) as a webhook of {@code eventType}. */
  public void send(String eventType, Object payload) {
    submit(eventType, payload);
  }

  /**
   * Queues a webhook; the future is true once the receiver accepted it and false when it was
   * dropped or dead-lettered. Never blocks.
   */
  public CompletableFuture<Boolean> submit(String eventType, Object payload) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    String id = UUID.randomUUID().toString();
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", id);
    envelope.put("type", eventType);
    envelope.put("sentAt", clock.instant().toString());
    envelope.put("payload", payload);
    String body;
    try {
      body = json.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      LOG.warn("webhook {}: the payload cannot be written as JSON", eventType, e);
      done.complete(false);
      return done;
    }
    if (waiting.incrementAndGet() > settings.queueCapacity()) {
      waiting.decrementAndGet();
      metrics.webhookDropped();
      done.complete(false);
      return done;
    }
    scheduler.execute(() -> attempt(new Delivery(id, eventType, body, done), 1));
    return done;
  }

  public DeadLetters deadLetters() {
    return deadLetters;
  }

  private record Delivery(String id, String type, String body, CompletableFuture<Boolean> done) {}

  private void attempt(Delivery d, int attempt) {
    String reason;
    boolean retry;
    try {
      int status = post(d);
      if (status / 100 == 2) {
        waiting.decrementAndGet();
        metrics.webhookDelivered();
        d.done().complete(true);
        return;
      }
      reason = "HTTP " + status;
      retry = status / 100 == 5 || status == 408 || status == 429;
    } catch (IOException e) {
      reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      retry = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reason = "interrupted";
      retry = false;
    }
    if (retry && attempt < settings.maxAttempts() && !scheduler.isShutdown()) {
      metrics.webhookRetry();
      scheduler.schedule(
          () -> attempt(d, attempt + 1), backoffMillis(attempt), TimeUnit.MILLISECONDS);
      return;
    }
    waiting.decrementAndGet();
    metrics.webhookDeadLetter();
    deadLetters.add(
        new DeadLetters.DeadLetter(d.id(), d.type(), d.body(), attempt, reason, clock.instant()));
    LOG.warn("webhook {} {}: dead-lettered after {} tries ({})", d.type(), d.id(), attempt, reason);
    d.done().complete(false);
  }

  private long backoffMillis(int attempt) {
    long millis = settings.backoff().toMillis() << Math.min(attempt - 1, 30);
    return Math.min(millis, settings.maxBackoff().toMillis());
  }

  private int post(Delivery d) throws IOException, InterruptedException {
    byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", d.id())
            .header("X-Tonewatch-Event", d.type())
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Stops; webhooks still waiting are not sent. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
